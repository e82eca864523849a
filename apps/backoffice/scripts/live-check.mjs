// Smoke check against a running server: the list is live, and a stale decision explains the conflict.
// usage: node scripts/live-check.mjs <appBaseURL> <apiBaseURL> [email] [password]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:4182', api = base, email = 'reviewer@example.com', password = 'review-me-please'] = process.argv.slice(2);
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-bo-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args, viewport: { width: 1280, height: 800 },
});
const a = ctx.pages()[0] ?? (await ctx.newPage());
const errors = [];
a.on('pageerror', (e) => errors.push(e.message));
const step = (s) => console.log(`✓ ${s}`);

await a.goto(`${base}/backoffice/`);
await a.getByLabel('Email').fill(email);
await a.getByLabel('Password').fill(password);
await a.getByRole('button', { name: 'Sign in' }).click();
await a.getByRole('table').waitFor();
const total = async () => Number((await a.locator('.count').textContent()).split(' ')[0]);
const before = await total();
await a.waitForTimeout(500); // let the socket subscribe

const seeded = execFileSync('node', [new URL('./seed.mjs', import.meta.url).pathname, api, '1']).toString();
const name = seeded.split(':')[0];
await a.waitForFunction((n) => document.querySelector('.count')?.textContent?.startsWith(`${n} `), before + 1, { timeout: 5000 });
step(`a new submission (${name}) appeared without reload (${before} → ${await total()} cases)`);

await a.getByRole('table').getByRole('link', { name }).first().click();
await a.getByRole('heading', { name: 'Timeline' }).waitFor();
const caseURL = a.url();

// Open the reject dialog in tab A, then let tab B flag a document: A's dialog still holds the old version.
await a.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Reject case' }).click();
await a.getByRole('dialog').getByLabel('Reason').selectOption('Suspected fraud');
const b = await ctx.newPage();
await b.goto(caseURL);
await b.getByRole('region', { name: 'Selfie' }).getByRole('button', { name: 'Request resubmission' }).click();
await b.getByRole('dialog').getByLabel('Reason').selectOption('Blurry image');
await b.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
await b.getByRole('dialog').waitFor({ state: 'detached' });
step('tab B flagged the selfie');

await a.getByRole('alert').filter({ hasText: 'changed' }).waitFor({ timeout: 5000 });
step(`tab A heard it live: ${await a.getByRole('alert').filter({ hasText: 'changed' }).textContent()}`);
await a.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
await a.getByRole('dialog').waitFor({ state: 'detached' });
const alert = a.getByRole('alert').filter({ hasText: 'changed' });
await alert.waitFor();
step(`tab A's stale decision was refused: ${await alert.textContent()}`);
const status = await a.locator('[data-status]').first().getAttribute('data-status');
if (status !== 'PENDING_REVIEW') throw new Error(`expected the case to stay pending, got ${status}`);

// Now decide for real in tab A and go on.
await a.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Request resubmission' }).click();
await a.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
await a.locator('[data-status="RESUBMISSION_REQUESTED"]').first().waitFor();
await b.locator('[data-status="RESUBMISSION_REQUESTED"]').first().waitFor({ timeout: 5000 });
step('resubmission requested in A; B updated live');
await a.getByRole('button', { name: 'Next case' }).click();
await a.waitForURL((u) => u.toString() !== caseURL, { timeout: 5000 }).catch(() => {});
step(`Next case → ${a.url()}`);

await ctx.close();
if (errors.length) throw new Error(errors.join('\n'));
