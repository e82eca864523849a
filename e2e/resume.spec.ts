import { expect, test } from '@playwright/test';
import { applicantContext, check, chooseDocument, expectState, fixtures, startCase, state, uploadPhoto } from './support';

test('a case resumes on another device at document_review, with the uploaded photo', async ({ browser }) => {
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
  await chooseDocument(phone, 'ID card');
  await uploadPhoto(phone, fixtures.document);
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'document_review');
  const link = await phone.getByText(/#resume=/).textContent();
  expect(link).toMatch(/\/kyc\/#resume=[\w-]{40,}/);

  // A fresh browser: no cookie, no storage. The link alone brings the case back.
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await laptop.newPage();
  await page.goto(link!.trim());
  await expectState(page, 'document_review');
  const photo = state(page, 'document_review').getByRole('img').first();
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600); // e2e/fixtures/document.jpg
  await expect(page).not.toHaveURL(/resume=/); // the token leaves the address bar
  await check(page, 'resume-document_review-desktop');

  // A reload on the new device resumes from the stored token.
  await page.reload();
  await expectState(page, 'document_review');
  await laptop.close();
});
