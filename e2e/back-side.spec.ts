import { expect, test } from '@playwright/test';
import { applicantContext, check, chooseDocument, expectState, fixtures, reviewerPage, startCase, submitFromDocumentReview, state, status, uploadPhoto } from './support';

// The back of an ID card: optional for the applicant, its own panel for the reviewer, and — once
// flagged — the only photo the applicant re-takes.
test('front and back of an ID card; the back is flagged, re-taken alone, and the case returns to review', async ({ browser }) => {
  const reviewer = await reviewerPage(browser);
  const phone = await (await applicantContext(browser)).newPage();

  await startCase(phone, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
  await chooseDocument(phone, 'ID card');
  await uploadPhoto(phone, fixtures.document);
  await expect(phone.getByAltText('Your current ID card photo', { exact: true })).toBeVisible();
  await phone.getByRole('button', { name: 'Add the back side (optional)' }).click();
  const backSide = phone.getByRole('region', { name: 'Back side' });
  await backSide.getByLabel('Upload the back side').setInputFiles(fixtures.document);
  await expect(backSide.getByAltText('Your current ID card photo (back)')).toBeVisible({ timeout: 20_000 });
  await expect(backSide.getByText('Added', { exact: true })).toBeVisible();
  await check(phone, 'kyc-document_photo-both-sides');
  await phone.setViewportSize({ width: 1280, height: 800 }); // the two sides side by side on a desktop
  await check(phone, 'kyc-document_photo-both-sides-desktop');
  await phone.setViewportSize({ width: 360, height: 740 });

  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'document_review');
  await expect(state(phone, 'document_review').getByAltText('Your ID card photo', { exact: true })).toBeVisible();
  await expect(state(phone, 'document_review').getByAltText('Your ID card photo (back)')).toBeVisible();
  await check(phone, 'kyc-document_review-both-sides');
  await submitFromDocumentReview(phone);

  // The reviewer sees both sides, each in its own panel, and sends back only the back.
  const row = reviewer.getByRole('row').filter({ has: reviewer.getByRole('link', { name: /Grace Hopper/ }) });
  await expect(row).toContainText('ID card (both sides)');
  await reviewer.getByRole('link', { name: /Grace Hopper/ }).click();
  await expect(reviewer.getByRole('heading', { name: /Grace Hopper/, level: 1 })).toBeVisible();
  const front = reviewer.getByRole('region', { name: 'ID card', exact: true });
  const back = reviewer.getByRole('region', { name: 'ID card (back)' });
  await expect(front.getByRole('img', { name: /revision 1/ })).toBeVisible();
  await expect(back.getByRole('img', { name: /revision 1/ })).toBeVisible();
  await check(reviewer, 'backoffice-case-back-side');

  await back.getByRole('button', { name: 'Request resubmission' }).click();
  let dialog = reviewer.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption('Blurry photo');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await reviewer.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Request resubmission' }).click();
  dialog = reviewer.getByRole('dialog');
  await expect(dialog.getByRole('checkbox', { name: /ID card \(back\)/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'ID card', exact: true })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();

  // The applicant is told it is the back, and why; the front is kept.
  await expect(status(phone, 'RESUBMISSION_REQUESTED')).toBeVisible();
  await expect(phone.getByText('The back of your ID card')).toBeVisible();
  await phone.getByRole('button', { name: 'Re-take photos' }).click();
  await expectState(phone, 'document_photo');
  await expect(phone.getByRole('note')).toContainText('back side');
  await expect(phone.getByRole('note')).toContainText('The photo is blurry');
  await expect(phone.getByRole('region', { name: 'Front side' }).getByText('Kept', { exact: true })).toBeVisible();
  await expect(phone.getByLabel('Upload a photo')).toHaveCount(0);
  await expect(backSide.getByText('New photo needed', { exact: true })).toBeVisible();
  await check(phone, 'kyc-document_photo-back-flagged');

  // Continue with the flagged back is refused until it is re-taken.
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(phone.getByRole('alert')).toContainText('re-take it');
  await expectState(phone, 'document_photo');
  await backSide.getByLabel('Upload the back side').setInputFiles(fixtures.retake); // a new photo (the same again is refused)
  await expect(backSide.getByAltText('Your current ID card photo (back)')).toBeVisible({ timeout: 20_000 });
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'document_review');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'selfie'); // kept
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'selfie_review');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();

  // Back in review: a new revision of the back only.
  await expect(back.getByText('Revision 2')).toBeVisible();
  await expect(front.getByText('Revision 1')).toBeVisible();
  await expect(front.getByText('Revision 2')).toHaveCount(0);
});
