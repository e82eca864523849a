import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The end-to-end suite runs the real server binary (apps embedded) on a fresh data folder and
// drives Debian's Chromium; it never downloads a browser.
const port = Number(process.env.E2E_PORT ?? 18555);
const baseURL = `http://127.0.0.1:${port}`;
// Each engineer running the suite at the same time on one machine builds their own binary.
const bin = `bin/kyc-server-e2e-${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'kyc-e2e-'));
// A second server with the four-eyes policy (FOUR_EYES=approvals) on the next port, its own data
// folder: e2e/team.spec.ts uses it; the other specs keep today's single-reviewer flow.
const fourEyesPort = port + 1;
const fourEyesURL = `http://127.0.0.1:${fourEyesPort}`;
const fourEyesDataDir = process.env.E2E_DATA_DIR ? join(process.env.E2E_DATA_DIR, 'four-eyes') : mkdtempSync(join(tmpdir(), 'kyc-e2e-four-eyes-'));

export const reviewer = { email: 'reviewer@example.com', password: 'e2e-review-password' };

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './e2e/artifacts',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
      ],
    },
  },
  webServer: [{
    command: `go build -o ${bin} ./server && ./${bin}`,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ADDR: `127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      PUBLIC_URL: baseURL,
      KYC_REVIEWER_EMAIL: reviewer.email,
      KYC_REVIEWER_PASSWORD: reviewer.password,
      KYC_REVIEWER_NAME: 'E2E Reviewer',
      // e2e/integrations.spec.ts registers a webhook receiver on 127.0.0.1 (refused otherwise: SSRF).
      WEBHOOK_ALLOW_PRIVATE: 'true',
      // e2e/review-ux.spec.ts: the KYC app's rejection names it.
      SUPPORT_CONTACT: 'support@example.com',
    },
  }, {
    // Its own binary: the two builds run side by side.
    command: `go build -o ${bin}-four-eyes ./server && ./${bin}-four-eyes`,
    url: `${fourEyesURL}/readyz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ADDR: `127.0.0.1:${fourEyesPort}`,
      DATA_DIR: fourEyesDataDir,
      PUBLIC_URL: fourEyesURL,
      FOUR_EYES: 'approvals',
      KYC_REVIEWER_EMAIL: reviewer.email,
      KYC_REVIEWER_PASSWORD: reviewer.password,
      KYC_REVIEWER_NAME: 'E2E Admin',
    },
  }],
});
