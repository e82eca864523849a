import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const reviewer = { email: 'reviewer@example.com', password: 'e2e-review-password' };
export const fixtures = {
  document: join(__dirname, 'fixtures', 'document.jpg'),
  selfie: join(__dirname, 'fixtures', 'selfie.jpg'),
  /** another document photo (not the same one to the server's checks): a re-take after a resubmission request */
  retake: join(__dirname, 'fixtures', 'document-retake.jpg'),
  /** the photo checks' unusable photos: near-black, and the document out of focus */
  black: join(__dirname, 'fixtures', 'black.jpg'),
  blurred: join(__dirname, 'fixtures', 'blurred.jpg'),
};
const screensDir = join(__dirname, 'artifacts', 'screens');
mkdirSync(screensDir, { recursive: true });

/** A phone-sized applicant context (360 × 740, touch). */
export async function applicantContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
}

/** A desktop reviewer context, signed in. */
export async function reviewerPage(browser: Browser, shot = ''): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  watchCSP(page);
  await page.goto('/backoffice/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  if (shot) await check(page, shot);
  await page.getByLabel('Email').fill(reviewer.email);
  await page.getByLabel('Password').fill(reviewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return page;
}

export function state(page: Page, name: string) {
  return page.locator(`main[data-state="${name}"]`);
}

export async function expectState(page: Page, name: string) {
  await expect(state(page, name)).toBeVisible();
}

/** Content-Security-Policy violations the browser reported, per page (watched from the first check or start). */
const cspViolations = new WeakMap<Page, string[]>();
function watchCSP(page: Page): string[] {
  let list = cspViolations.get(page);
  if (!list) {
    const found: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('Content Security Policy')) found.push(m.text());
    });
    cspViolations.set(page, found);
    list = found;
  }
  return list;
}

/** Checks the page with axe (WCAG 2.2 AA) and against the server's Content-Security-Policy, and keeps a screenshot of it. */
export async function check(page: Page, name: string) {
  expect(watchCSP(page), `Content-Security-Policy violations on ${name}`).toEqual([]);
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

/**
 * Opens the KYC app and starts a case with the applicant's details (the date of birth is required:
 * a default is used when none is given); ends on document_selection.
 */
export async function startCase(
  page: Page,
  applicant: { firstName: string; lastName: string; email: string; dateOfBirth?: string },
  shots = '',
) {
  watchCSP(page);
  await page.goto('/kyc/');
  await expect(page.getByRole('button', { name: 'Start KYC' })).toBeVisible();
  if (shots) await check(page, `${shots}-landing`);
  await fillDetails(page, { dateOfBirth: '1990-12-10', ...applicant });
  await page.getByRole('button', { name: 'Start KYC' }).click();
  await expectState(page, 'welcome');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
  if (shots) await check(page, `${shots}-welcome`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectState(page, 'document_selection');
}

/** fillDetails fills the welcome step's details form (English labels); fields left out stay as they are. */
export async function fillDetails(page: Page, d: { firstName?: string; lastName?: string; dateOfBirth?: string; email?: string }) {
  if (d.firstName !== undefined) await page.getByLabel('First name').fill(d.firstName);
  if (d.lastName !== undefined) await page.getByLabel('Last name').fill(d.lastName);
  if (d.dateOfBirth !== undefined) await page.getByLabel('Date of birth').fill(d.dateOfBirth); // a date input takes YYYY-MM-DD
  if (d.email !== undefined) await page.getByLabel('Email').fill(d.email);
}

/** Uploads a photo through the file-picker fallback and waits until the server has it. */
export async function uploadPhoto(page: Page, file: string) {
  await page.getByLabel('Upload a photo').setInputFiles(file);
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled({ timeout: 20_000 });
}

/** From document_selection to document_photo with the document labelled docLabel. */
export async function chooseDocument(page: Page, docLabel: string, shots = '') {
  await page.getByRole('radio', { name: docLabel }).check();
  if (shots) await check(page, `${shots}-document_selection`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectState(page, 'document_photo');
}

/** From document_selection to final, with real photos. */
export async function walkToFinal(page: Page, docLabel = 'Passport', shots = '') {
  await chooseDocument(page, docLabel, shots);
  await uploadPhoto(page, fixtures.document);
  if (shots) await check(page, `${shots}-document_photo`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectState(page, 'document_review');
  await expect(state(page, 'document_review').getByRole('img').first()).toBeVisible();
  if (shots) await check(page, `${shots}-document_review`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectState(page, 'selfie');
  await uploadPhoto(page, fixtures.selfie);
  if (shots) await check(page, `${shots}-selfie`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectState(page, 'selfie_review');
  if (shots) await check(page, `${shots}-selfie_review`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectState(page, 'final');
}

/** From document_review (photo checked) on: the selfie, then submission, until the case is pending review. */
export async function submitFromDocumentReview(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectState(page, 'selfie');
  await uploadPhoto(page, fixtures.selfie);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectState(page, 'selfie_review');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(status(page, 'PENDING_REVIEW')).toBeVisible();
}

/**
 * acknowledgeChecks ticks the approval dialog's confirmation when the automatic photo checks
 * flagged the case's photos — as they do for a fixture photo already sent in another case of the
 * same run (DUPLICATE_ELSEWHERE) — and does nothing when there is none.
 */
export async function acknowledgeChecks(dialog: Locator) {
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('checkbox', { name: 'I have looked at these photos myself and approve anyway' });
  if ((await box.count()) > 0) await box.check();
}

export function status(page: Page, value: string) {
  return page.locator(`[data-status="${value}"]`);
}
