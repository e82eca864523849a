import { expect, test } from '@playwright/test';
import {
  applicantContext,
  check,
  chooseDocument,
  expectState,
  fixtures,
  reviewerPage,
  startCase,
  status,
  uploadPhoto,
  walkToFinal,
} from './support';

// Issue 17: an applicant deletes their own data while collecting; an admin erases a submitted case.

test('an applicant deletes their data from the KYC app; a reload does not bring the case back', async ({ browser }) => {
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Dora', lastName: 'Delete', email: 'dora@example.com' });
  await chooseDocument(phone, 'Passport');
  await uploadPhoto(phone, fixtures.document);
  // "Delete my data" is on the welcome and final screens: go back to the first one.
  await phone.getByRole('button', { name: 'Back' }).click();
  await expectState(phone, 'document_selection');
  await phone.getByRole('button', { name: 'Back' }).click();
  await expectState(phone, 'welcome');

  await phone.getByRole('button', { name: 'Delete my data' }).click();
  const dialog = phone.getByRole('dialog', { name: 'Delete your data?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('cannot be undone');
  await check(phone, 'kyc-delete-dialog');
  await dialog.getByRole('button', { name: 'Yes, delete my data' }).click();

  await expectState(phone, 'erased');
  await expect(phone.getByRole('heading', { level: 1, name: 'Your data was deleted' })).toBeVisible();
  await check(phone, 'kyc-erased');
  expect(await phone.evaluate(() => localStorage.getItem('kyc.token'))).toBeNull();

  await phone.reload();
  await expect(phone.getByRole('button', { name: 'Start KYC' })).toBeVisible();
  await expect(phone.getByRole('heading', { level: 1, name: 'Verify your identity' })).toBeVisible();
});

test('an admin erases a submitted case: the erased state, and "Photo deleted" instead of images', async ({ browser }) => {
  const reviewer = await reviewerPage(browser);
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Erin', lastName: 'Erasure', email: 'erin@example.com' });
  await walkToFinal(phone);
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();
  // After submission the applicant is told to ask support instead.
  await expect(phone.getByRole('button', { name: 'Delete my data' })).toHaveCount(0);
  await expect(phone.getByText(/please contact our support team/)).toBeVisible();

  const row = reviewer.getByRole('link', { name: /Erin Erasure/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Erin Erasure' })).toBeVisible();
  const passport = reviewer.getByRole('region', { name: 'Passport' });
  const img = passport.getByRole('img', { name: /Passport, revision 1/ });
  await expect(img).toBeVisible();
  const photoUrl = await img.getAttribute('src');
  expect(photoUrl).toBeTruthy();

  await reviewer.getByRole('button', { name: 'Erase applicant data…' }).click();
  const dialog = reviewer.getByRole('dialog', { name: 'Erase applicant data' });
  await expect(dialog).toContainText('Kept: the status, the dates');
  await dialog.getByRole('button', { name: 'Erase data' }).click();
  await expect(dialog.getByText('Say why the data is erased.')).toBeVisible(); // the reason is required
  await dialog.getByLabel('Reason').fill('GDPR Art. 17 request, ticket 1234');
  await check(reviewer, 'backoffice-erase-dialog');
  await dialog.getByRole('button', { name: 'Erase data' }).click();
  await expect(dialog).toBeHidden();

  await expect(reviewer.getByRole('heading', { level: 1, name: 'Erased' })).toBeVisible();
  await expect(reviewer.getByRole('region', { name: /^Erased on / })).toContainText('GDPR Art. 17 request, ticket 1234');
  await expect(reviewer.getByRole('region', { name: 'Case decision' })).toHaveCount(0);
  for (const name of ['Passport', 'Selfie']) {
    const region = reviewer.getByRole('region', { name });
    await expect(region.getByText(/Photo deleted on/)).toBeVisible();
    await expect(region.getByRole('img')).toHaveCount(0);
  }
  await expect(reviewer.locator('li[data-event-type="APPLICANT_ERASED"]')).toContainText('Applicant data erased');
  await check(reviewer, 'backoffice-case-erased');
  // The photo's own link is gone too.
  expect((await reviewer.request.get(new URL(photoUrl!, reviewer.url()).toString())).status()).toBe(410);

  // The list names the case "Erased", with its badge.
  await reviewer.getByRole('link', { name: /All cases/ }).click();
  await reviewer.getByLabel('Status').selectOption('ALL');
  await expect(reviewer.locator('tr').filter({ has: reviewer.locator('[data-erased]') }).first()).toBeVisible();
  await expect(reviewer.getByRole('link', { name: /Erin Erasure/ })).toHaveCount(0);
});
