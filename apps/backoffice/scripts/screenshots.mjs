// Screenshots (and an axe pass) of every backoffice screen in the system Chromium.
// usage: node scripts/screenshots.mjs <baseURL> <outDir> [email] [password]
// Needs at least two submitted cases (scripts/seed.mjs). Never downloads a browser.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:4182', out = '/tmp/bo-shots', email = 'reviewer@example.com', password = 'review-me-please'] =
  process.argv.slice(2);
mkdirSync(out, { recursive: true });
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-bo-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args, viewport: { width: 1280, height: 800 },
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
const problems = [];
let expected404 = false; // set while document links are made to fail on purpose
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  if (expected404 && /status of 404/.test(m.text())) return; // the simulated expired links below
  problems.push(`console: ${m.text()}`);
});

async function axe(name) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  for (const v of violations) problems.push(`axe ${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
async function shot(name) {
  await page.mouse.move(1, 1); // no stray hover in the pictures
  await page.waitForTimeout(700); // …nor a fading one
  for (const [w, h] of [[1280, 800], [1024, 768]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(out, `backoffice-${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await axe(name);
}

await page.goto(`${base}/backoffice/`);
await page.getByLabel('Email').waitFor();
await shot('sign-in');
await page.getByLabel('Email').fill(email);
await page.getByLabel('Password').fill('wrong-password');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('alert').waitFor();
await shot('sign-in-error');
await page.getByLabel('Password').fill(password);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('table').waitFor();
await page.waitForTimeout(300);
await shot('list');
// The keyboard cursor: J twice puts focus (and its ring) on the second row.
await page.keyboard.press('j');
await page.keyboard.press('j');
await shot('list-keyboard');

const rows = page.getByRole('table').getByRole('link');
await rows.first().click();
await page.getByRole('heading', { name: 'Timeline' }).waitFor();
await page.waitForLoadState('networkidle');
await shot('case');
await page.setViewportSize({ width: 1280, height: 800 });
await page.screenshot({ path: join(out, 'backoffice-case-full-1280.png'), fullPage: true });

// "Assign to…": the menu of the other reviewers (needs a second reviewer on the server), opened
// from the keyboard; Escape closes it and gives focus back to the button.
const assignTo = page.getByRole('button', { name: 'Assign to…' });
await assignTo.focus();
await page.keyboard.press('ArrowDown');
await page.getByRole('menu', { name: 'Assign to' }).getByRole('menuitem').first().waitFor();
await shot('assign-menu');
await page.keyboard.press('Escape');
await page.getByRole('menu').waitFor({ state: 'detached' });
if (!(await assignTo.evaluate((el) => el === document.activeElement))) problems.push('assign menu: Escape did not return focus');

const bar = page.getByRole('region', { name: 'Case decision' });
await bar.getByRole('button', { name: 'Approve case' }).click();
await page.getByRole('dialog').waitFor();
await shot('dialog-approve');
await page.keyboard.press('Escape');

await bar.getByRole('button', { name: 'Reject case' }).click();
await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
await shot('dialog-reject-invalid');
await page.keyboard.press('Escape');

const docs = page.getByRole('region', { name: 'Selfie' });
await docs.getByRole('button', { name: 'Request resubmission' }).click();
await page.getByRole('dialog').getByLabel('Reason').selectOption('Blurry image');
await page.getByRole('dialog').getByLabel('Comment').fill('Face is out of focus.');
await shot('dialog-document');
await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
await page.getByRole('dialog').waitFor({ state: 'detached' });
await page.waitForTimeout(300);
await shot('case-flagged');

await bar.getByRole('button', { name: 'Request resubmission' }).click();
await page.getByRole('dialog').waitFor();
await shot('dialog-resubmission');
await page.keyboard.press('Escape');

await page.keyboard.press('?');
await page.getByRole('dialog').waitFor();
await shot('help');
await page.keyboard.press('Escape');

// A second case: approve it with the keyboard (A, then Enter on Confirm), then the list of all statuses.
await page.getByRole('link', { name: 'All cases' }).click();
await page.getByRole('table').getByRole('link').nth(1).click();
await page.getByRole('heading', { name: 'Timeline' }).waitFor();
await page.keyboard.press('a');
await page.getByRole('dialog').waitFor();
await page.keyboard.press('Enter');
await page.getByRole('button', { name: 'Next case' }).waitFor();
await shot('case-approved');
await page.getByRole('link', { name: 'All cases' }).click();
await page.getByLabel('Status').selectOption('ALL');
await page.waitForTimeout(400);
await shot('list-all');

// Expired document links, simulated: every image answers 404. The case view refetches the case
// once for fresh links, then shows the message with Retry in place of each image.
let caseQueries = 0;
page.on('request', (r) => r.url().endsWith('/graphql') && /query GetCase/.test(r.postData() ?? '') && caseQueries++);
await page.route('**/documents/**', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
expected404 = true;
await page.getByRole('table').getByRole('link').first().click();
await page.getByRole('heading', { name: 'Timeline' }).waitFor();
await page.getByText('This image could not be loaded.').first().waitFor();
await page.waitForTimeout(1000);
console.log(`GetCase requests for the case with failing images: ${caseQueries} (1 load + 1 refetch expected)`);
await shot('case-image-failed');
await page.unroute('**/documents/**');
expected404 = false;

await ctx.close();
console.log(problems.length ? problems.join('\n') : 'no page errors, no axe violations');
