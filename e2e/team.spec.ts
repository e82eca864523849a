import { expect, test, type Page } from '@playwright/test';
import { acknowledgeChecks, applicantContext, check, reviewerPage, startCase, status, walkToFinal } from './support';

// This spec runs against the second server of playwright.config.ts: FOUR_EYES=approvals, its own
// data folder, on the port after the main one. The other specs keep the single-reviewer flow.
const fourEyesURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 18555) + 1}`;
test.use({ baseURL: fourEyesURL });

const colleague = { email: 'colin@example.com', name: 'Colin Colleague', password: 'a-colleague-password' };

function proposal(page: Page) {
  return page.getByRole('region', { name: /Proposed decision/ });
}

test('an admin invites a colleague, who accepts in another browser; four-eyes approval across the two', async ({ browser }) => {
  // Three people and four browser contexts in one story, with an axe pass on each new screen:
  // about a minute on an idle machine, so the default 90 s leaves too little room on a busy one.
  test.slow();
  // The admin (KYC_REVIEWER_* at start-up) opens the team page and invites a colleague.
  const admin = await reviewerPage(browser);
  await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fourEyesURL });
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: /Team/ })).toBeVisible();
  await expect(admin.getByRole('rowheader', { name: /E2E Admin/ })).toBeVisible();
  await check(admin, 'backoffice-team');

  await admin.getByRole('button', { name: 'Invite reviewer' }).click();
  let dialog = admin.getByRole('dialog', { name: 'Invite a reviewer' });
  await dialog.getByLabel('Email').fill(colleague.email);
  await dialog.getByLabel('Name').fill(colleague.name);
  await check(admin, 'backoffice-team-invite');
  await dialog.getByRole('button', { name: 'Create invitation link' }).click();
  dialog = admin.getByRole('dialog', { name: `Invitation link for ${colleague.name}` });
  await expect(dialog).toContainText('valid for 7 days');
  const link = await dialog.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(new RegExp(`^${fourEyesURL}/backoffice/#invite=[\\w-]+`));
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await check(admin, 'backoffice-team-invite-link');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const colinRow = admin.getByRole('row', { name: new RegExp(colleague.name) });
  await expect(colinRow.locator('[data-member-status]')).toHaveText('Invited');

  // The colleague opens the link in another browser context, sets a password, and is signed in.
  const colin = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await colin.goto(link);
  await expect(colin.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await check(colin, 'backoffice-accept-invite');
  await colin.getByLabel('New password').fill('too-short');
  await colin.getByLabel('Confirm password').fill('too-short');
  await colin.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(colin.getByText('Use at least 12 characters.')).toBeVisible();
  await colin.getByLabel('New password').fill(colleague.password);
  await colin.getByLabel('Confirm password').fill(colleague.password);
  await colin.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(colin.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(colin.getByText(`Signed in as ${colleague.name}`)).toBeVisible();
  expect(new URL(colin.url()).hash).toBe('');
  await expect(colin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' })).toHaveCount(0);

  // The link worked once: opening it again says so.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await again.getByLabel('New password').fill('another-long-password');
  await again.getByLabel('Confirm password').fill('another-long-password');
  await again.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(again.getByRole('alert')).toContainText('does not work any more');
  await again.context().close();

  await admin.reload();
  await expect(colinRow.locator('[data-member-status]')).toHaveText('Active');

  // An applicant submits; the admin proposes approval and cannot confirm it.
  const phone = await (await applicantContext(browser)).newPage();
  await startCase(phone, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
  await walkToFinal(phone, 'Passport');
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();

  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await admin.getByRole('link', { name: /Grace Hopper/ }).click();
  await expect(admin.getByRole('heading', { level: 1, name: /Grace Hopper/ })).toBeVisible();
  await admin.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Approve case' }).click();
  dialog = admin.getByRole('dialog', { name: 'Propose approval' });
  await acknowledgeChecks(dialog);
  await check(admin, 'backoffice-dialog-propose-approval');
  await dialog.getByRole('button', { name: 'Propose approval' }).click();
  await expect(proposal(admin)).toContainText('Waiting for a second reviewer');
  await expect(admin.getByRole('button', { name: /^Confirm/ })).toHaveCount(0);
  await expect(admin.getByRole('button', { name: 'Return to review' })).toHaveCount(0);
  await check(admin, 'backoffice-proposal-author');
  // The applicant still sees "in review".
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();

  // The colleague finds it in the "Needs second review" queue and confirms it.
  await colin.getByLabel('Status').selectOption({ label: 'Needs second review' });
  await colin.getByRole('link', { name: /Grace Hopper/ }).click();
  await expect(proposal(colin)).toContainText('Proposed by E2E Admin');
  await check(colin, 'backoffice-proposal');
  await proposal(colin).getByRole('button', { name: 'Confirm approval' }).click();
  dialog = colin.getByRole('dialog', { name: 'Confirm approval' });
  await dialog.getByRole('button', { name: 'Confirm approval' }).click();
  await expect(colin.getByText('Approval confirmed: the case is approved.')).toBeVisible();

  // Both sides hear the decision live.
  await expect(status(phone, 'APPROVED')).toBeVisible();
  await expect(admin.locator('.case-title [data-status]')).toHaveText('Approved');

  // The admin deactivates the colleague: their open backoffice is signed out at once.
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await admin.getByRole('button', { name: `Deactivate ${colleague.name}` }).click();
  dialog = admin.getByRole('dialog', { name: `Deactivate ${colleague.name}?` });
  await check(admin, 'backoffice-team-deactivate');
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(colinRow.locator('[data-member-status]')).toHaveText('Inactive');
  await expect(colin.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 5_000 });
});
