// Walks the real flow in headless Chromium against a running server and takes a screenshot of
// every screen at phone (360x740) and desktop (1280x800) size. Decisions are made as the reviewer
// over the API. Usage (server + `vite preview` or the Go binary serving /kyc/):
//   KYC_URL=http://127.0.0.1:18082/kyc/ API_URL=http://127.0.0.1:18081/graphql \
//   REVIEWER_EMAIL=reviewer@example.com REVIEWER_PASSWORD=… OUT=/tmp/shots node scripts/screenshots.mjs
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const kycUrl = process.env.KYC_URL ?? 'http://127.0.0.1:18082/kyc/';
const api = process.env.API_URL ?? 'http://127.0.0.1:18081/graphql';
const out = process.env.OUT ?? '/tmp/kyc-shots';
const reviewer = { email: process.env.REVIEWER_EMAIL ?? 'reviewer@example.com', password: process.env.REVIEWER_PASSWORD ?? 'review-me-please' };
mkdirSync(out, { recursive: true });

const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

let cookie = '';
let violations = 0;
async function gql(query, variables = {}) {
  const res = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
async function decide(caseId, decision, extra = {}) {
  if (!cookie) await gql('mutation($input: LoginInput!) { login(input: $input) { id } }', { input: reviewer });
  const { node } = await gql('query($id: ID!) { node(id: $id) { ... on Case { version documents { id type } } } }', { id: caseId });
  const documents = extra.flag ? node.documents.filter((d) => extra.flag.includes(d.type)).map((d) => ({ documentId: d.id, reason: extra.reason })) : undefined;
  await gql('mutation($input: DecideCaseInput!) { decideCase(input: $input) { status } }', {
    input: { caseId, decision, reason: decision === 'REJECT' ? extra.reason : undefined, documents, expectedVersion: node.version },
  });
}

const ctxDir = mkdtempSync(join(tmpdir(), 'pw-kyc-'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });

// Test photos drawn in the browser (a fake ID card and a face), saved as PNG files.
const scratch = await browser.newPage();
const draw = (kind) => scratch.evaluate((kind) => {
  const c = document.createElement('canvas'); c.width = 640; c.height = 400; const g = c.getContext('2d');
  g.fillStyle = kind === 'id' ? '#dbeafe' : '#fde68a'; g.fillRect(0, 0, 640, 400);
  g.fillStyle = '#1e3a8a'; g.font = 'bold 36px sans-serif';
  if (kind === 'id') { g.fillText('PASSPORT', 40, 70); g.fillStyle = '#94a3b8'; g.fillRect(40, 110, 160, 200); g.fillStyle = '#111'; g.font = '24px sans-serif';
    ['ADA LOVELACE', '10 DEC 1815', 'No. X1234567'].forEach((t, i) => g.fillText(t, 240, 150 + i * 50)); }
  else { g.beginPath(); g.arc(320, 200, 120, 0, 7); g.fillStyle = '#f59e0b'; g.fill(); g.fillStyle = '#111'; g.fillRect(270, 160, 20, 20); g.fillRect(350, 160, 20, 20); g.fillRect(280, 250, 80, 10); }
  return c.toDataURL('image/png');
}, kind);
const idPng = join(ctxDir, 'passport.png'); writeFileSync(idPng, Buffer.from((await draw('id')).split(',')[1], 'base64'));
const facePng = join(ctxDir, 'selfie.png'); writeFileSync(facePng, Buffer.from((await draw('face')).split(',')[1], 'base64'));
await scratch.close();

async function run(size, tag) {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  const shot = async (name) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(out, `kyc-${name}-${tag}.png`), fullPage: true });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    for (const v of axe.violations) console.log('AXE', name, tag, v.id, v.impact, v.nodes.map((n) => n.target.join(' ')).join(' | '));
    violations += axe.violations.length;
    console.log('shot', name, tag);
  };
  const state = (s) => page.locator(`main[data-state="${s}"]`).waitFor();
  const cont = () => page.getByRole('button', { name: 'Continue', exact: true }).click();

  await page.goto(kycUrl);
  await page.getByRole('button', { name: 'Start KYC' }).waitFor();
  await shot('landing');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByRole('button', { name: 'Start KYC' }).click();
  await page.getByRole('heading', { name: 'Before you start' }).waitFor();
  await shot('welcome');
  await cont(); await state('document_selection');
  await cont(); await page.getByRole('alert').waitFor();
  await shot('document_selection-error');
  await page.getByRole('radio', { name: 'Passport' }).check();
  await shot('document_selection');
  await cont(); await state('document_photo');
  await shot('document_photo');
  await page.getByRole('button', { name: 'Use camera' }).click();
  await page.getByRole('button', { name: 'Take photo' }).waitFor();
  await page.waitForTimeout(500);
  await shot('document_photo-camera');
  await page.getByRole('button', { name: 'Close camera' }).click();
  await page.getByLabel('Upload a photo').setInputFiles(idPng);
  await page.getByText('Photo uploaded.').waitFor();
  await shot('document_photo-uploaded');
  await cont(); await state('document_review');
  await page.locator('figure img').evaluate((img) => img.complete || new Promise((r) => (img.onload = r)));
  await shot('document_review');
  await cont(); await state('selfie');
  await shot('selfie');
  await page.getByLabel('Upload a photo').setInputFiles(facePng);
  await page.getByText('Photo uploaded.').waitFor();
  await cont(); await state('selfie_review');
  await shot('selfie_review');
  await cont(); await state('final');
  await page.locator('[data-status="PENDING_REVIEW"]').waitFor();
  await shot('final-pending');

  const token = await page.evaluate(() => localStorage.getItem('kyc.token'));
  const { myCase } = await (await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ myCase { id } }' }) })).json().then((b) => b.data);
  await decide(myCase.id, 'REQUEST_RESUBMISSION', { flag: ['PASSPORT'], reason: 'The photo is blurry' });
  await page.locator('[data-status="RESUBMISSION_REQUESTED"]').waitFor();
  await shot('final-resubmission');
  await page.getByRole('button', { name: 'Re-take photos' }).click();
  await state('document_photo');
  await shot('document_photo-resubmission');
  await page.getByLabel('Upload a photo').setInputFiles(idPng);
  await page.getByText('Photo uploaded.').waitFor();
  await cont(); await state('document_review');
  await cont(); await state('selfie');
  await shot('selfie-kept');
  await cont(); await state('selfie_review');
  await cont(); await state('final');
  await page.locator('[data-status="PENDING_REVIEW"]').waitFor();
  await decide(myCase.id, tag === 'mobile' ? 'APPROVE' : 'REJECT', { reason: 'The document has expired.' });
  const final = tag === 'mobile' ? 'APPROVED' : 'REJECTED';
  await page.locator(`[data-status="${final}"]`).waitFor();
  await shot(`final-${final.toLowerCase()}`);

  // Resume on a fresh browser from the link.
  const other = await browser.newContext({ viewport: size });
  const p2 = await other.newPage();
  await p2.goto(`${kycUrl}#resume=${token}`);
  await p2.locator('main[data-state="final"]').waitFor();
  if ((await p2.evaluate(() => location.hash)) !== '') throw new Error('fragment not stripped');
  await other.close();

  // Offline: a request fails, the alert offers Try again.
  await context.setOffline(true);
  await page.waitForTimeout(200);
  await shot('offline');
  await context.setOffline(false);
  await context.close();
}

await run({ width: 360, height: 740 }, 'mobile');
await run({ width: 1280, height: 800 }, 'desktop');
await browser.close();
console.log(`axe violations: ${violations}`);
if (violations) process.exitCode = 1;
