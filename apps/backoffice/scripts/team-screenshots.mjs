// Screenshots (and an axe pass) of the team page and of a four-eyes proposal, in the system Chromium.
// usage: node scripts/team-screenshots.mjs <baseURL> <outDir> [adminEmail] [adminPassword]
// Needs a server started with FOUR_EYES=approvals (or -four-eyes approvals), its admin from
// KYC_REVIEWER_*, and at least one submitted case (scripts/seed.mjs). Sets up the team through
// the API: two reviewers who accepted their invitation (one of them then deactivated), one still
// invited; the first proposes approval of the newest case. Never downloads a browser.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:8080', out = '/tmp/bo-team-shots', email = 'reviewer@example.com', password = 'kyc-demo-password'] =
  process.argv.slice(2);
mkdirSync(out, { recursive: true });

/** gql posts one operation; it returns the data and the session cookie the server set, if any. */
async function gql(query, variables = {}, cookie) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

const { cookie: admin } = await gql('mutation($input: LoginInput!) { login(input: $input) { id } }', { input: { email, password } });
const invite = (email, name, role = 'REVIEWER') =>
  gql('mutation($input: InviteReviewerInput!) { inviteReviewer(input: $input) { reviewer { id } inviteUrl } }', { input: { email, name, role } }, admin)
    .then(({ data }) => data.inviteReviewer);
const accept = async (url, password) => {
  const token = new URL(url).hash.replace(/^#invite=/, '');
  return (await gql('mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { id } }', { input: { token, password } })).cookie;
};

const bob = await invite('bob.builder@example.com', 'Bob Builder');
const bobCookie = await accept(bob.inviteUrl, 'bob-builder-password');
const carla = await invite('carla.checker@example.com', 'Carla Checker', 'ADMIN');
await accept(carla.inviteUrl, 'carla-checker-password');
const dan = await invite('dan.departed@example.com', 'Dan Departed');
await accept(dan.inviteUrl, 'dan-departed-password');
await gql('mutation($input: SetReviewerActiveInput!) { setReviewerActive(input: $input) { id } }', { input: { reviewerId: dan.reviewer.id, active: false } }, admin);
await invite('erin.new@example.com', 'Erin Newcomer');

// Bob proposes approval of the newest waiting case.
const { data: list } = await gql(
  'query { cases(first: 1, filter: { status: [PENDING_REVIEW] }, orderBy: { field: SUBMITTED_AT, direction: DESC }) { edges { node { id version } } } }',
  {}, bobCookie);
const target = list.cases.edges[0]?.node;
if (!target) throw new Error('no case is pending review: run scripts/seed.mjs first');
await gql('mutation($input: DecideCaseInput!) { decideCase(input: $input) { status } }',
  { input: { caseId: target.id, decision: 'APPROVE', reason: 'Passport and selfie match; document valid until 2031.', expectedVersion: target.version } }, bobCookie);

const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pw-bo-team-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args, viewport: { width: 1280, height: 800 },
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
const problems = [];
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));

async function shot(name) {
  await page.mouse.move(1, 1);
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(out, `backoffice-${name}-1280.png`) });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  for (const v of violations) problems.push(`axe ${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

await page.goto(`${base}/backoffice/`);
await page.getByLabel('Email').fill(email);
await page.getByLabel('Password').fill(password);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('link', { name: 'Team' }).click();
await page.getByRole('rowheader', { name: /Erin Newcomer/ }).waitFor();
await shot('team');

await page.getByRole('button', { name: 'Invite reviewer' }).click();
await page.getByRole('dialog').getByLabel('Email').fill('frank.fresh@example.com');
await page.getByRole('dialog').getByLabel('Name').fill('Frank Fresh');
await page.getByRole('button', { name: 'Create invitation link' }).click();
await page.getByRole('textbox', { name: 'Invitation link' }).waitFor();
await shot('team-invite-link');
await page.getByRole('button', { name: 'Done' }).click();

await page.getByRole('link', { name: 'Cases' }).click();
await page.getByLabel('Status').selectOption('AWAITING_SECOND_REVIEW');
await page.getByRole('table').getByRole('link').first().click();
await page.getByRole('region', { name: /Proposed decision/ }).waitFor();
await page.waitForLoadState('networkidle');
await shot('proposal');

await ctx.close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`screenshots in ${out}`);
