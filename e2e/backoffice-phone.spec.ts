import { expect, test, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import { applicantContext, check, reviewer as account, startCase, status, walkToFinal } from './support';

// Reviewers open cases on phones: every backoffice screen fits 360–414 px without the page
// scrolling sideways, the decision buttons can be reached and hit (44 px), and axe stays clean.
// The screenshots in docs/screenshots/backoffice-phone-*.png come from here; the 1280 px ones of
// the same screens (e2e/artifacts/screens/backoffice-desktop-*.png) are there to compare the
// desktop layout by eye.

const docs = join(__dirname, '..', 'docs', 'screenshots');
const phone = { width: 390, height: 844 };
const smallPhone = { width: 360, height: 740 };
const tablet = { width: 960, height: 1200 }; // below 1000 px the one-column layout applies too
const desktop = { width: 1280, height: 800 };

/**
 * fits asserts the page does not scroll sideways at the current viewport. A mobile browser widens
 * its layout viewport (innerWidth) to content that overflows, so innerWidth is held to the
 * device's width too.
 */
async function fits(page: Page, name: string) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `${name}: the page is ${scroll} px wide in a ${inner} px viewport`).toBeLessThanOrEqual(inner);
  expect(inner, `${name}: the layout viewport grew to ${inner} px`).toBe(page.viewportSize()!.width);
}

/** phoneCheck: no sideways scrolling, axe and CSP clean (support's check), and the screenshot for docs. */
async function phoneCheck(page: Page, name: string, { fullPage = true } = {}) {
  await fits(page, name);
  await check(page, `backoffice-phone-${name}`);
  await page.screenshot({ path: join(docs, `backoffice-phone-${name}.png`), fullPage });
}

/** desktopShot keeps the same screen at 1280 px (not for docs: to compare with before). */
async function desktopShot(page: Page, name: string) {
  await page.setViewportSize(desktop);
  await fits(page, `desktop ${name}`);
  await page.screenshot({ path: join(__dirname, 'artifacts', 'screens', `backoffice-desktop-${name}.png`), fullPage: true });
}

async function signIn(browser: Browser, viewport = phone): Promise<Page> {
  const page = await (await browser.newContext({ viewport, hasTouch: true, isMobile: true })).newPage();
  await page.goto('/backoffice/');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return page;
}

function decisionBar(page: Page) {
  return page.getByRole('region', { name: 'Case decision' });
}

/** The three decision buttons: each one visible, inside the viewport once scrolled to, and at least 44 × 44 px. */
async function decisionButtonsReachable(page: Page) {
  for (const name of ['Approve case', 'Request resubmission', 'Reject case']) {
    const button = decisionBar(page).getByRole('button', { name });
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeVisible();
    await expect(button).toBeInViewport({ ratio: 0.95 }); // whole, give or take a sub-pixel edge
    const box = await button.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.height, `${name} height`).toBeGreaterThanOrEqual(44);
    expect(box!.width, `${name} width`).toBeGreaterThanOrEqual(44);
  }
}

test('sign-in, list, case, dialogs, resubmission request and audit trail on a phone', async ({ browser }) => {
  test.setTimeout(240_000); // a whole case, two phone widths and an axe pass per screen, on a busy 2-core machine
  const applicant = await (await applicantContext(browser)).newPage();
  await startCase(applicant, { firstName: 'Annie', lastName: 'Easley', email: 'annie@example.com' });
  await walkToFinal(applicant, 'Passport');
  await expect(status(applicant, 'PENDING_REVIEW')).toBeVisible();

  // Sign-in.
  const login = await (await browser.newContext({ viewport: phone, hasTouch: true, isMobile: true })).newPage();
  await login.goto('/backoffice/');
  await expect(login.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await phoneCheck(login, 'sign-in');
  await login.context().close();

  const page = await signIn(browser);
  await desktopShot(page, 'list');
  await page.setViewportSize(phone);

  // The list: filters, search and the rows, at both widths; the row keeps its table semantics.
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /Annie Easley/ }) });
  await expect(row).toBeVisible();
  await expect(row.getByText('Pending review')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeVisible();
  await phoneCheck(page, 'list');
  await page.setViewportSize(smallPhone);
  await expect(row).toBeInViewport();
  await phoneCheck(page, 'list-360');
  await page.setViewportSize(tablet);
  await fits(page, 'list-960');

  // The case at both widths.
  await page.setViewportSize(phone);
  await page.getByRole('link', { name: /Annie Easley/ }).click();
  await expect(page.getByRole('heading', { name: /Annie Easley/, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: /Passport/ }).getByRole('img').first()).toBeVisible();
  await desktopShot(page, 'case');
  await page.setViewportSize(phone);
  await decisionButtonsReachable(page);
  await phoneCheck(page, 'case');
  await page.setViewportSize(smallPhone);
  await decisionButtonsReachable(page);
  await phoneCheck(page, 'case-360');
  await page.setViewportSize(tablet);
  await fits(page, 'case-960');
  await page.setViewportSize(phone);

  // The decision dialogs, opened and closed again.
  for (const [button, title, name] of [
    ['Approve case', /Approve/, 'dialog-approve'],
    ['Reject case', /Reject/, 'dialog-reject'],
  ] as const) {
    await decisionBar(page).getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeInViewport();
    await phoneCheck(page, name, { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }

  // A photo flagged for resubmission: its dialog, then the pending request panel.
  await page.getByRole('region', { name: /Passport/ }).getByRole('button', { name: 'Request resubmission' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').selectOption('Blurry photo');
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeInViewport();
  await phoneCheck(page, 'dialog-resubmit', { fullPage: false });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  const request = page.getByRole('region', { name: 'Resubmission request' });
  await expect(request.getByText('Not sent yet')).toBeVisible();
  const send = request.getByRole('button', { name: /Send to applicant/ });
  await send.scrollIntoViewIfNeeded();
  await expect(send).toBeInViewport({ ratio: 0.95 }); // whole, give or take a sub-pixel edge
  await decisionButtonsReachable(page);

  // The audit trail, scrolled to.
  const timeline = page.getByRole('heading', { name: 'Timeline' });
  await timeline.scrollIntoViewIfNeeded();
  await expect(timeline).toBeInViewport();
  await phoneCheck(page, 'case-resubmission-request');

  // Erase (admins): the dialog only; the case is left as it is.
  await page.getByRole('button', { name: 'Erase applicant data…' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await phoneCheck(page, 'dialog-erase', { fullPage: false });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await desktopShot(page, 'case-resubmission-request');
});

test('team and integrations pages on a phone', async ({ browser }) => {
  test.setTimeout(240_000); // and a case submitted on the way
  const page = await signIn(browser);
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Team/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /E2E Reviewer/ })).toBeVisible();
  await desktopShot(page, 'team');
  await page.setViewportSize(phone);
  await phoneCheck(page, 'team');
  await page.getByRole('button', { name: 'Invite reviewer' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite a reviewer' });
  await expect(invite.getByRole('button', { name: 'Create invitation link' })).toBeInViewport();
  await phoneCheck(page, 'dialog-invite', { fullPage: false });
  await invite.getByRole('button', { name: 'Cancel' }).click();

  await nav.getByRole('link', { name: 'Integrations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
  // A key and an endpoint, made on the phone: their dialogs and the page with both.
  const keyName = 'Phone onboarding backend';
  await page.getByRole('button', { name: 'Create API key' }).click();
  let dialog = page.getByRole('dialog', { name: 'Create an API key' });
  await dialog.getByLabel('Name').fill(keyName);
  await dialog.getByRole('button', { name: 'Create key' }).click();
  dialog = page.getByRole('dialog', { name: `API key ${keyName}` });
  await expect(dialog.getByLabel('Secret')).toBeVisible();
  await phoneCheck(page, 'dialog-key-secret', { fullPage: false });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('rowheader', { name: keyName })).toBeVisible();

  const endpointURL = 'http://127.0.0.1:9/phone-spec/kyc-events';
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
  await dialog.getByLabel('Endpoint URL').fill(endpointURL);
  await phoneCheck(page, 'dialog-endpoint', { fullPage: false });
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  dialog = page.getByRole('dialog', { name: 'Webhook endpoint added' });
  await expect(dialog.getByLabel('Signing secret')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const endpoint = page.getByRole('region', { name: endpointURL });
  await expect(endpoint.getByRole('button', { name: `Delete endpoint ${endpointURL}` })).toBeVisible();

  // A submitted case gives the endpoint a delivery (the receiver is not there: it fails and is
  // retried); the deliveries table scrolls inside its own box, its first columns in view.
  const applicant = await (await applicantContext(browser)).newPage();
  await startCase(applicant, { firstName: 'Evelyn', lastName: 'Boyd', email: 'evelyn@example.com' });
  await walkToFinal(applicant, 'Passport');
  await expect(status(applicant, 'PENDING_REVIEW')).toBeVisible();
  await applicant.context().close();
  const delivery = endpoint.getByRole('row').filter({ hasText: 'case.submitted' });
  await expect(delivery).toBeVisible({ timeout: 20_000 });
  await expect(delivery.getByRole('cell').first()).toBeInViewport();
  await phoneCheck(page, 'integrations');
  await desktopShot(page, 'integrations');
});
