import { expect, test, type Page } from '@playwright/test';
import { applicantContext, check, chooseDocument, expectState, fixtures, reviewerPage, startCase, submitFromDocumentReview, status, uploadPhoto, walkToFinal } from './support';

// Issue 14 items 2–5 and 7 (reviewer experience): flagged photos form a request that is visibly
// not sent until "Send to applicant"; preset reasons reach the applicant in their wording; the
// queue is oldest first with waiting times; photos replaced before submission are collapsed;
// Esc on a dialog opened by a shortcut gives focus back.

async function openCase(reviewer: Page, name: RegExp) {
  await reviewer.goto('/backoffice/');
  const link = reviewer.getByRole('link', { name });
  await expect(link).toBeVisible();
  await link.click();
  await expect(reviewer.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function flag(reviewer: Page, region: string, reason: string) {
  await reviewer.getByRole('region', { name: region, exact: true }).getByRole('button', { name: 'Request resubmission' }).click();
  const dialog = reviewer.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption(reason);
  await expect(dialog.locator('[data-applicant-wording]')).toContainText('The applicant reads:');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
}

test('flag two photos, see the request not sent, send it in one step: the applicant reads the preset wording', async ({ browser }) => {
  const reviewer = await reviewerPage(browser);
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Rosalind', lastName: 'Franklin', email: 'rosalind@example.com' });
  await walkToFinal(phone, 'Passport');
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();

  await openCase(reviewer, /Rosalind Franklin/);
  await flag(reviewer, 'Passport', 'Blurry photo');
  // The dialog for the second one, as the reviewer sees it: the wording the applicant will read.
  await reviewer.getByRole('region', { name: 'Selfie', exact: true }).getByRole('button', { name: 'Request resubmission' }).click();
  const dialog = reviewer.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption('Face not visible');
  await check(reviewer, 'backoffice-dialog-reason-codes');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();

  const request = reviewer.getByRole('region', { name: 'Resubmission request' });
  await expect(request.getByText('Not sent yet')).toBeVisible();
  await expect(request.getByRole('listitem')).toHaveCount(2);
  await expect(request).toContainText('The photo is blurry — the text must be readable.');
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible(); // the applicant has heard nothing
  await check(reviewer, 'backoffice-resubmission-request');
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await check(reviewer, 'backoffice-resubmission-request-phone');
  await reviewer.setViewportSize({ width: 1280, height: 800 });

  // The list says so too.
  await reviewer.getByRole('link', { name: 'All cases' }).click();
  const row = reviewer.getByRole('row').filter({ has: reviewer.getByRole('link', { name: /Rosalind Franklin/ }) });
  await expect(row).toContainText('Request not sent (2 photos)');
  await expect(row).toContainText(/waiting (less than a minute|\d+ min)/);
  await check(reviewer, 'backoffice-list-queue');

  await openCase(reviewer, /Rosalind Franklin/);
  await request.getByRole('button', { name: 'Send to applicant (2 photos)' }).click();
  await expect(reviewer.getByText('Sent to the applicant: they are asked to re-take 2 photos.')).toBeVisible();
  await expect(request).toBeHidden();

  await expect(status(phone, 'RESUBMISSION_REQUESTED')).toBeVisible();
  await expect(phone.locator('[data-flagged="PASSPORT"]')).toHaveText('Your passport photo: The photo is blurry — the text must be readable.');
  await expect(phone.locator('[data-flagged="SELFIE"]')).toContainText('Your face is not clearly visible');
  await check(phone, 'kyc-final-resubmission-reasons');
});

test('a suspected fraud rejection shows the applicant a neutral reason and the support contact; the remark stays a note', async ({ browser }) => {
  const reviewer = await reviewerPage(browser);
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Victor', lastName: 'Lustig', email: 'victor@example.com' });
  await walkToFinal(phone, 'Passport');

  await openCase(reviewer, /Victor Lustig/);
  await reviewer.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Reject case' }).click();
  const dialog = reviewer.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption({ label: 'Suspected fraud (the applicant is not told)' });
  await dialog.getByLabel('Note for the team').fill('The passport photo looks edited');
  await check(reviewer, 'backoffice-dialog-reject-fraud');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(reviewer.getByRole('heading', { name: 'Notes' }).locator('..')).toContainText('Suspected fraud: The passport photo looks edited');

  await expect(status(phone, 'REJECTED')).toBeVisible();
  await expect(phone.locator('[data-reason]')).toContainText('We could not verify your identity with the information provided.');
  await expect(phone.getByText(/fraud|edited/i)).toHaveCount(0);
  await expect(phone.getByRole('link', { name: 'support@example.com' })).toHaveAttribute('href', 'mailto:support@example.com');
  await check(phone, 'kyc-final-rejected-support');
});

test('the queue is oldest submission first, each row with its waiting time', async ({ browser }) => {
  const reviewer = await reviewerPage(browser);
  for (const name of ['Older', 'Newer']) {
    const phone = await (await applicantContext(browser)).newPage();
    await startCase(phone, { firstName: 'Queue', lastName: name, email: `${name.toLowerCase()}@example.com` });
    await walkToFinal(phone, 'Passport');
    await phone.context().close();
  }
  await reviewer.goto('/backoffice/');
  await expect(reviewer.getByRole('columnheader', { name: 'Waiting' })).toBeVisible();
  const names = reviewer.locator('tbody tr .row-link');
  await expect(names.filter({ hasText: 'Queue Newer' })).toBeVisible();
  const all = await names.allTextContents();
  expect(all.indexOf('Queue Older')).toBeGreaterThanOrEqual(0);
  expect(all.indexOf('Queue Older')).toBeLessThan(all.indexOf('Queue Newer'));
  const row = reviewer.getByRole('row').filter({ has: reviewer.getByRole('link', { name: 'Queue Older' }) });
  await expect(row.locator('[data-waiting]')).toHaveText(/^waiting (less than a minute|\d+ min)$/);
});

test('photos replaced before submission are collapsed; Esc on a dialog opened by a shortcut returns focus', async ({ browser }) => {
  const reviewer = await reviewerPage(browser);
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Henrietta', lastName: 'Leavitt', email: 'henrietta@example.com' });
  await chooseDocument(phone, 'Passport');
  await uploadPhoto(phone, fixtures.document);
  await uploadPhoto(phone, fixtures.retake); // replaced before submitting
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'document_review');
  await submitFromDocumentReview(phone);

  await openCase(reviewer, /Henrietta Leavitt/);
  const passport = reviewer.getByRole('region', { name: 'Passport', exact: true });
  await expect(passport.getByRole('img', { name: 'Passport, revision 2' })).toBeVisible();
  const replaced = passport.locator('details[data-replaced-before-submission]');
  await expect(replaced.locator('summary')).toHaveText('Replaced before submission (1 earlier attempt)');
  await expect(replaced).not.toHaveAttribute('open', '');
  await check(reviewer, 'backoffice-case-replaced-collapsed');
  await replaced.locator('summary').click();
  await replaced.getByRole('button', { name: 'Revision 1' }).click();
  await expect(passport.getByText(/replaced by the applicant before submitting/)).toBeVisible();
  await check(reviewer, 'backoffice-case-replaced-open');

  // Item 7: a shortcut opens a dialog; Esc closes it and focus is back where it was.
  const where = passport.getByRole('button', { name: 'Approve document' });
  await where.focus();
  await reviewer.keyboard.press('x');
  await expect(reviewer.getByRole('dialog', { name: 'Reject case' })).toBeVisible();
  await reviewer.keyboard.press('Escape');
  await expect(reviewer.getByRole('dialog')).toBeHidden();
  await expect(where).toBeFocused();
  expect(await reviewer.evaluate(() => document.activeElement === document.body)).toBe(false);
});
