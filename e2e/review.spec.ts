import { expect, test, type Page } from '@playwright/test';
import {
  acknowledgeChecks,
  applicantContext,
  check,
  expectState,
  fixtures,
  reviewerPage,
  startCase,
  status,
  uploadPhoto,
  walkToFinal,
} from './support';

async function openCase(reviewer: Page, name: RegExp) {
  const row = reviewer.getByRole('link', { name });
  await expect(row).toBeVisible(); // arrives over the caseFeed subscription: no reload
  await row.click();
  await expect(reviewer.getByRole('heading', { name, level: 1 })).toBeVisible();
}

function caseDecision(reviewer: Page) {
  return reviewer.getByRole('region', { name: 'Case decision' });
}

test('submit, a blurry document sent back, re-taken, approved — each side sees the other live', async ({ browser }) => {
  const reviewer = await reviewerPage(browser, 'backoffice-sign-in');
  await check(reviewer, 'backoffice-list-before');
  const phone = await (await applicantContext(browser)).newPage();

  await startCase(phone, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }, 'kyc');
  await walkToFinal(phone, 'Passport', 'kyc');
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();
  await check(phone, 'kyc-final-pending');

  await expect(reviewer.getByRole('link', { name: /Ada Lovelace/ })).toBeVisible();
  await check(reviewer, 'backoffice-list');
  await openCase(reviewer, /Ada Lovelace/);
  await check(reviewer, 'backoffice-case');

  const passport = reviewer.getByRole('region', { name: /Passport/ });
  await passport.getByRole('button', { name: 'Request resubmission' }).click();
  let dialog = reviewer.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption('Blurry photo'); // a preset reason (issue 14): its applicant wording is sent
  await check(reviewer, 'backoffice-dialog-document-resubmission');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(caseDecision(reviewer).getByRole('button', { name: 'Approve case' })).toBeDisabled();

  await caseDecision(reviewer).getByRole('button', { name: 'Request resubmission' }).click();
  dialog = reviewer.getByRole('dialog');
  await check(reviewer, 'backoffice-dialog-case-resubmission');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();

  // The applicant's open final screen changes by itself (caseUpdated subscription).
  await expect(status(phone, 'RESUBMISSION_REQUESTED')).toBeVisible();
  await expect(phone.getByText(/The photo is blurry — the text must be readable/)).toBeVisible();
  await check(phone, 'kyc-final-resubmission');
  await phone.getByRole('button', { name: 'Re-take photos' }).click();
  await expectState(phone, 'document_photo');
  await uploadPhoto(phone, fixtures.retake); // a new photo: the same one again is refused (photo checks)
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'document_review');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'selfie'); // the selfie was not flagged: it is kept
  await expect(phone.getByLabel('Upload a photo')).toHaveCount(0);
  await check(phone, 'kyc-selfie-kept');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'selfie_review');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'final');
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();

  // The reviewer's open case shows the new revision live, and can now be approved.
  await expect(passport.getByText('Revision 2')).toBeVisible();
  await caseDecision(reviewer).getByRole('button', { name: 'Approve case' }).click();
  await acknowledgeChecks(reviewer.getByRole('dialog'));
  await reviewer.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(status(phone, 'APPROVED')).toBeVisible();
  await check(phone, 'kyc-final-approved');
  await check(reviewer, 'backoffice-case-approved');
  await expect(reviewer.getByRole('heading', { name: 'Timeline' })).toBeVisible();
});

test('a rejected case shows its reason to the applicant', async ({ browser }) => {
  const reviewer = await reviewerPage(browser);
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Mallory', lastName: 'Fraudster', email: 'mallory@example.com' });
  await walkToFinal(phone, "Driver's license");

  await openCase(reviewer, /Mallory Fraudster/);
  await caseDecision(reviewer).getByRole('button', { name: 'Reject case' }).click();
  const dialog = reviewer.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption('Selfie does not match the document');
  await check(reviewer, 'backoffice-dialog-reject');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();

  await expect(status(phone, 'REJECTED')).toBeVisible();
  await expect(phone.getByText(/The person in the selfie does not match the photo on the document/)).toBeVisible();
  await check(phone, 'kyc-final-rejected');
});

test('a stale decision is refused and the reviewer is told what changed', async ({ browser }) => {
  const first = await reviewerPage(browser);
  const second = await reviewerPage(browser);
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Charles', lastName: 'Babbage', email: 'charles@example.com' });
  await walkToFinal(phone, 'Voter ID');

  await openCase(first, /Charles Babbage/);
  await openCase(second, /Charles Babbage/);
  await second.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Approve case' }).click();
  const stale = second.getByRole('dialog');
  await expect(stale).toBeVisible();

  await caseDecision(first).getByRole('button', { name: 'Reject case' }).click();
  await first.getByRole('dialog').getByLabel('Reason').selectOption('Expired document');
  await first.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(status(phone, 'REJECTED')).toBeVisible();

  await expect(stale.getByRole('alert')).toContainText('changed');
  await acknowledgeChecks(stale);
  await stale.getByRole('button', { name: 'Confirm' }).click();
  await expect(second.getByRole('alert').first()).toContainText('changed');
  await check(second, 'backoffice-conflict');
  await expect(status(phone, 'REJECTED')).toBeVisible(); // the stale approval did not land
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/backoffice/');
  await page.getByLabel('Email').fill('reviewer@example.com');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong email or password/i);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await check(page, 'backoffice-sign-in-error');
});
