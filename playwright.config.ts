import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The end-to-end suite runs the real server binary (apps embedded) on a fresh data folder and
// drives Debian's Chromium; it never downloads a browser.
const port = Number(process.env.E2E_PORT ?? 18555);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'kyc-e2e-'));

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
  webServer: {
    command: 'go build -o bin/kyc-server ./server && ./bin/kyc-server',
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
    },
  },
});
