// Screenshots (and an axe pass) of the Integrations page, in the system Chromium.
// usage: node scripts/integrations-screenshots.mjs <baseURL> <outDir> [adminEmail] [adminPassword]
// Needs a fresh server started with WEBHOOK_ALLOW_PRIVATE=true (its receivers here are on
// 127.0.0.1) and its admin from KYC_REVIEWER_*. Through the API it creates two keys (one then
// revoked), two endpoints (one answers 204, one 503 so its delivery waits for a retry), and a
// case created with a key, submitted with the e2e photos and approved. Never downloads a browser.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:8080', out = '/tmp/bo-integrations-shots', email = 'reviewer@example.com', password = 'kyc-demo-password'] =
  process.argv.slice(2);
mkdirSync(out, { recursive: true });
const fixtures = new URL('../../../e2e/fixtures/', import.meta.url);

/** gql posts one operation (with a session cookie or a Bearer token); it returns the data and any cookie set. */
async function gql(query, variables = {}, { cookie, token } = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

async function upload(token, caseId, type, side, file) {
  const form = new FormData();
  form.set('operations', JSON.stringify({
    query: 'mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { id } }',
    variables: { input: { caseId, type, side, file: null } },
  }));
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', new Blob([readFileSync(fileURLToPath(new URL(file, fixtures)))], { type: 'image/jpeg' }), file);
  const body = await (await fetch(`${base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}`, 'GraphQL-Require-Preflight': '1' } })).json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/** receiver listens on 127.0.0.1 and answers every delivery with status. */
async function receiver(status) {
  const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(status).end()));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}
const crm = await receiver(204);
const warehouse = await receiver(503);

const { cookie: admin } = await gql('mutation($input: LoginInput!) { login(input: $input) { id } }', { input: { email, password } });
const as = { cookie: admin };
const createKey = async (name) => (await gql('mutation($n: String!) { createApiKey(input: { name: $n }) { apiKey { id } secret } }', { n: name }, as)).data.createApiKey;
const old = await createKey('Legacy CRM import');
await gql('mutation($id: ID!) { revokeApiKey(input: { id: $id }) { id } }', { id: old.apiKey.id }, as);
const key = await createKey('Onboarding backend');

const addEndpoint = (url, events) =>
  gql('mutation($u: String!, $e: [String!]!) { createWebhookEndpoint(input: { url: $u, events: $e }) { endpoint { id } } }', { u: url, e: events }, as);
await addEndpoint(`${crm.url}/kyc/webhooks`, ['case.submitted', 'case.approved', 'case.rejected', 'case.resubmission_requested']);
await addEndpoint(`${warehouse.url}/events`, ['case.approved', 'case.rejected']);

// The integrator's backend starts a case for its user; the user finishes it; a reviewer approves it.
const { data: started } = await gql(
  'mutation($input: StartCaseInput) { startCase(input: $input) { token case { id } } }',
  { input: { firstName: 'Mary', lastName: 'Jackson', email: 'mary.jackson@example.com', externalId: 'usr_8c1f27', metadata: { plan: 'business', signupChannel: 'ios', accountManager: 'k.johnson' } } },
  { token: key.secret },
);
const { token, case: { id } } = started.startCase;
const next = (documentType) =>
  gql('mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { state } }', { input: { caseId: id, event: 'USER_NEXT_STEP', documentType } }, { token });
await next();
await next('PASSPORT');
await upload(token, id, 'PASSPORT', 'FRONT', 'document.jpg');
await next();
await next();
await upload(token, id, 'SELFIE', null, 'selfie.jpg');
await next();
await next();
const { data: c } = await gql('query($id: ID!) { node(id: $id) { ... on Case { version } } }', { id }, as);
await gql('mutation($input: DecideCaseInput!) { decideCase(input: $input) { status } }', { input: { caseId: id, decision: 'APPROVE', expectedVersion: c.node.version } }, as);

const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-bo-integrations-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args, viewport: { width: 1280, height: 800 },
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
const problems = [];
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));

async function shot(name, fullPage = false) {
  await page.mouse.move(1, 1);
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(out, `backoffice-${name}-1280.png`), fullPage });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  for (const v of violations) problems.push(`axe ${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

await page.goto(`${base}/backoffice/`);
await page.getByLabel('Email').fill(email);
await page.getByLabel('Password').fill(password);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('link', { name: 'Integrations' }).click();
// Both deliveries of the first endpoint delivered; the second endpoint's approval failed once (503).
await page.locator('tr[data-event-type="case.approved"] [data-delivery-status="DELIVERED"]').waitFor({ timeout: 30_000 });
await page.locator('tr[data-event-type="case.approved"] [data-delivery-status="PENDING"]').getByText('Pending').waitFor({ timeout: 30_000 });
await page.getByText('HTTP 503').waitFor({ timeout: 30_000 });
await shot('integrations', true);

await page.getByRole('button', { name: 'Create API key' }).click();
await page.getByRole('dialog').getByLabel('Name').fill('Mobile app backend');
await page.getByRole('dialog').getByRole('button', { name: 'Create key' }).click();
await page.getByRole('dialog').getByText('Store it now').waitFor();
await shot('integrations-key-secret');
await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

await page.getByRole('button', { name: 'Add endpoint' }).click();
await page.getByRole('dialog').getByLabel('Endpoint URL').fill('https://hooks.example.com/kyc');
await shot('integrations-endpoint');
await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

// The case page shows the integrator's reference and metadata.
await page.goto(`${base}/backoffice/cases/${id}`);
await page.getByText('usr_8c1f27').waitFor();
await page.getByRole('heading', { name: 'Applicant' }).scrollIntoViewIfNeeded();
await shot('case-integrator');

await ctx.close();
crm.server.close();
warehouse.server.close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`screenshots in ${out}`);
