import { expect, test } from '@playwright/test';
import { check, expectState, fillDetails, reviewerPage, state } from './support';

// Issue 14 items 6 and 8: the KYC app in the applicant's language, and the details it asks for.

test('a German browser gets the app in German; the switcher changes it, and the choice is kept', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'de-DE' });
  const phone = await ctx.newPage();
  await phone.goto('/kyc/');
  await expect(phone.getByRole('heading', { level: 1, name: 'Identität bestätigen' })).toBeVisible();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'de');
  await expect(phone.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
  await check(phone, 'kyc-welcome-de');

  // The details are required and checked where they are typed: the messages are German too.
  await phone.getByRole('button', { name: 'Prüfung starten' }).click();
  await expect(phone.getByText('Geben Sie Ihren Vornamen ein.')).toBeVisible();
  await expect(phone.getByLabel('Vorname')).toBeFocused();
  await check(phone, 'kyc-welcome-errors-de');

  await phone.getByRole('combobox', { name: 'Sprache' }).selectOption('es');
  await expect(phone.getByRole('heading', { level: 1, name: 'Verifique su identidad' })).toBeVisible();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'es');
  await phone.reload();
  await expect(phone.getByRole('heading', { level: 1, name: 'Verifique su identidad' })).toBeVisible();
  await expect(phone.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
});

test('the details on the welcome step: refused until valid, editable, and shown to the reviewer', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const phone = await ctx.newPage();
  await phone.goto('/kyc/');
  await expect(phone.getByRole('button', { name: 'Start KYC' })).toBeVisible();
  await check(phone, 'kyc-welcome-landing');
  await fillDetails(phone, { firstName: 'Katherine', lastName: 'Johnson', dateOfBirth: '2030-01-01', email: 'not-an-email' });
  await phone.getByRole('button', { name: 'Start KYC' }).click();
  await expect(phone.getByText('Your date of birth must be in the past.')).toBeVisible();
  await expect(phone.getByText('Enter an email address like name@example.com, or leave it empty.')).toBeVisible();
  await check(phone, 'kyc-welcome-errors');
  await fillDetails(phone, { dateOfBirth: '1918-08-26', email: 'katherine@example.com' });
  await phone.getByRole('button', { name: 'Start KYC' }).click();
  await expectState(phone, 'welcome');
  await expect(phone.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  await expect(phone.getByLabel('Date of birth')).toHaveValue('1918-08-26');
  await check(phone, 'kyc-welcome-details');
  // Still editable before submission: a change is saved with Continue.
  await fillDetails(phone, { lastName: 'Goble Johnson' });
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expectState(phone, 'document_selection');
  const caseId = await phone.evaluate(async () => {
    const r = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('kyc.token')}` },
      body: JSON.stringify({ query: '{ myCase { id } }' }),
    });
    return (await r.json()).data.myCase.id as string;
  });

  const rita = await reviewerPage(browser);
  await rita.goto(`/backoffice/cases/${caseId}`);
  await expect(rita.getByRole('heading', { level: 1, name: 'Katherine Goble Johnson' })).toBeVisible();
  await expect(rita.locator('time[datetime="1918-08-26"]')).toBeVisible();
  await expect(state(phone, 'document_selection')).toBeVisible();
});
