import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { acknowledgeChecks, applicantContext, check, reviewer as account, startCase, status, walkToFinal } from './support';

// Issue 14 item 1: where WebSockets are blocked (corporate proxies, some mobile networks), both
// apps fall back to Server-Sent Events on their own and still update live.

/** blockWebSockets closes every WebSocket the pages of ctx open, as a proxy that refuses them. */
async function blockWebSockets(ctx: BrowserContext): Promise<{ attempts: number; streams: number }> {
  const seen = { attempts: 0, streams: 0 };
  await ctx.routeWebSocket(/.*/, (ws) => {
    seen.attempts++;
    ws.close();
  });
  ctx.on('request', (r) => {
    if ((r.headers().accept ?? '').includes('text/event-stream')) seen.streams++;
  });
  return seen;
}

async function signIn(page: Page) {
  await page.goto('/backoffice/');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('with WebSockets blocked, the applicant sees the decision within 5 s and the reviewer the new case', async ({ browser }) => {
  test.setTimeout(240_000); // two apps, a whole case and axe twice, on a busy 2-core machine
  const reviewerCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const reviewerNet = await blockWebSockets(reviewerCtx);
  const reviewer = await reviewerCtx.newPage();
  await signIn(reviewer);
  await expect(reviewer.getByRole('heading', { name: /cases/i }).first()).toBeVisible();

  const phoneCtx = await applicantContext(browser);
  const phoneNet = await blockWebSockets(phoneCtx);
  const phone = await phoneCtx.newPage();
  await startCase(phone, { firstName: 'Hedy', lastName: 'Lamarr', email: 'hedy@example.com' });
  await walkToFinal(phone, 'Passport');
  await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();

  // The new case reaches the reviewer's list over the caseFeed subscription (SSE): no reload.
  const row = reviewer.getByRole('link', { name: /Hedy Lamarr/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(reviewer.getByRole('heading', { name: /Hedy Lamarr/, level: 1 })).toBeVisible();
  await check(reviewer, 'backoffice-case-no-websocket');

  const decision = reviewer.getByRole('region', { name: 'Case decision' });
  await decision.getByRole('button', { name: 'Approve case' }).click();
  await acknowledgeChecks(reviewer.getByRole('dialog'));
  await reviewer.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  const approvedAt = Date.now();
  await expect(status(phone, 'APPROVED')).toBeVisible({ timeout: 5_000 });
  const took = Date.now() - approvedAt;
  console.log(`no-websocket: the applicant saw the approval ${took} ms after Confirm`);
  await check(phone, 'kyc-final-approved-no-websocket');

  // Both apps tried the WebSocket and were refused, and used event streams instead.
  expect(phoneNet.attempts).toBeGreaterThan(0);
  expect(reviewerNet.attempts).toBeGreaterThan(0);
  expect(phoneNet.streams).toBeGreaterThan(0);
  expect(reviewerNet.streams).toBeGreaterThan(0);
  await phoneCtx.close();
  await reviewerCtx.close();
});
