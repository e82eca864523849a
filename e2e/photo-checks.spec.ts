import { expect, test } from '@playwright/test';
import { applicantContext, check, chooseDocument, expectState, fixtures, reviewerPage, startCase, submitFromDocumentReview, state, status, uploadPhoto } from './support';

// The automatic photo checks (issue 13), end to end: the applicant is told at once and cannot go
// on with a black photo, may go on with a blurred one after confirming, cannot answer a
// resubmission request with the same photo again; the reviewer sees the badges, the list's
// summary and must confirm an approval over them.
test('photo checks: black refused at once, blurred confirmed, reviewer warned, the same photo again refused', async ({ browser }) => {
  test.setTimeout(240_000); // two people, two rounds, axe on eight screens
  const reviewer = await reviewerPage(browser);
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine@example.com' });
  await chooseDocument(phone, 'Passport');

  // A black photo: told at once (measured in the browser, before any upload), and no way on.
  await phone.getByLabel('Upload a photo').setInputFiles(fixtures.black);
  const failed = phone.locator('[data-checks="FAIL"]');
  await expect(failed).toContainText('This photo cannot be used');
  await expect(failed).toContainText('Your photo is too dark — take it in better light.');
  await expect(failed.getByRole('button', { name: 'Retake' })).toBeVisible();
  await expect(failed.getByRole('button', { name: 'Use this photo anyway' })).toHaveCount(0);
  await check(phone, 'kyc-photo-check-fail');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(phone.locator('[data-code]')).toContainText('Please add a photo before you continue.');
  await expectState(phone, 'document_photo');

  // A blurred photo: uploaded, the server warns, the applicant confirms and goes on.
  await uploadPhoto(phone, fixtures.blurred);
  const warned = phone.locator('[data-checks="WARN"]');
  await expect(warned).toContainText('Please check your photo');
  await expect(warned).toContainText('Your photo looks blurry — the text must be readable.');
  await expect(phone.locator('[data-checks="FAIL"]')).toHaveCount(0);
  await expect(phone.getByText(/another case|duplicate/i)).toHaveCount(0); // reviewers only
  await check(phone, 'kyc-photo-check-warn');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(phone.locator('[data-code]')).toContainText('Use this photo anyway');
  await expectState(phone, 'document_photo');
  await warned.getByRole('button', { name: 'Use this photo anyway' }).click();
  await expect(warned).toContainText('You chose to use this photo.');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'document_review');
  await submitFromDocumentReview(phone);

  // The reviewer: a summary in the list, a badge on the document, and an approval that must be confirmed.
  const row = reviewer.getByRole('row').filter({ has: reviewer.getByRole('link', { name: /Katherine Johnson/ }) });
  await expect(row.locator('[data-check-summary]')).toContainText(/\d+ warnings?/);
  await check(reviewer, 'backoffice-list-checks');
  await reviewer.getByRole('link', { name: /Katherine Johnson/ }).click();
  await expect(reviewer.getByRole('heading', { name: /Katherine Johnson/, level: 1 })).toBeVisible();
  const passport = reviewer.getByRole('region', { name: 'Passport' });
  const sharpness = passport.getByRole('button', { name: 'Sharpness: warning' });
  await expect(sharpness).toBeVisible();
  await sharpness.click(); // a tap shows the detail
  await expect(passport.locator('.check-detail')).toContainText(/blur/i);
  await check(reviewer, 'backoffice-case-checks');

  await reviewer.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Approve case' }).click();
  let dialog = reviewer.getByRole('dialog');
  await expect(dialog.locator('[data-approval-checks]')).toContainText('Passport — Sharpness warning');
  await check(reviewer, 'backoffice-dialog-approve-checks');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toContainText('Confirm that you have looked at the flagged photos yourself.');
  await expect(dialog.getByRole('checkbox', { name: /I have looked at these photos/ })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Sent back as blurry; the applicant sends the very same photo again: refused, with a clear message.
  await passport.getByRole('button', { name: 'Request resubmission' }).click();
  dialog = reviewer.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption({ index: 1 });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await reviewer.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Request resubmission' }).click();
  await reviewer.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(reviewer.getByRole('dialog')).toBeHidden();

  await expect(status(phone, 'RESUBMISSION_REQUESTED')).toBeVisible();
  await phone.getByRole('button', { name: 'Re-take photos' }).click();
  await expectState(phone, 'document_photo');
  await uploadPhoto(phone, fixtures.blurred);
  await expect(phone.locator('[data-checks="FAIL"]')).toContainText('This is the same photo as before — please take a new one.');
  await check(phone, 'kyc-photo-check-same');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(phone.locator('[data-code]')).toContainText('This photo cannot be used. Please retake it before you continue.');
  await expectState(phone, 'document_photo');

  // A new photo: on to the end, and the reviewer can approve.
  await uploadPhoto(phone, fixtures.retake);
  await expect(phone.locator('[data-checks="FAIL"]')).toHaveCount(0);
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'document_review');
  await expect(state(phone, 'document_review').getByRole('img').first()).toBeVisible();
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'selfie');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'selfie_review');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();
  await expect(passport.getByText('Revision 3')).toBeVisible();
  await expect(passport.getByRole('button', { name: 'Sharpness: warning' })).toHaveCount(0);
});

test('the screens of the photo checks at phone and desktop width', async ({ browser }) => {
  // The applicant's notice on a desktop too (the e2e above runs it on a phone).
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await startCase(page, { firstName: 'Dorothy', lastName: 'Vaughan', email: 'dorothy@example.com' });
  await chooseDocument(page, 'Passport');
  await uploadPhoto(page, fixtures.blurred);
  await expect(page.locator('[data-checks="WARN"]')).toBeVisible();
  await check(page, 'kyc-photo-check-warn-desktop');
});
