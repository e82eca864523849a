import { expect, test } from '@playwright/test';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acknowledgeChecks, applicantContext, check, expectState, fillDetails, reviewerPage, status, walkToFinal } from './support';

type Delivery = { headers: IncomingHttpHeaders; body: string };

/** signatureOK checks a Standard Webhooks signature: HMAC-SHA256 of "id.timestamp.body" with the key after whsec_. */
function signatureOK(secret: string, { headers, body }: Delivery): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest();
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((entry) => {
      const [version, sig] = entry.split(',');
      const given = Buffer.from(sig ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

test('an admin creates a key and an endpoint; a case created with the key is decided; the delivery shows as delivered', async ({ browser, baseURL }) => {
  // The integrator's endpoint: a receiver on 127.0.0.1 (the e2e server allows private addresses).
  const deliveries: Delivery[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const endpointURL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kyc-events`;

  try {
    const admin = await reviewerPage(browser);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
    await check(admin, 'integrations-empty');

    // An API key: its secret is shown once.
    const keyName = `Onboarding backend ${Date.now()}`;
    await admin.getByRole('button', { name: 'Create API key' }).click();
    let dialog = admin.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Name').fill(keyName);
    await dialog.getByRole('button', { name: 'Create key' }).click();
    dialog = admin.getByRole('dialog', { name: `API key ${keyName}` });
    await expect(dialog.getByText('Store it now: it cannot be shown again.')).toBeVisible();
    const secret = await dialog.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^kyc_sk_/);
    await check(admin, 'integrations-key-secret');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(admin.getByRole('rowheader', { name: keyName })).toBeVisible();
    await expect(admin.getByText(secret)).toHaveCount(0);

    // A webhook endpoint for every event: its signing secret is shown once.
    await admin.getByRole('button', { name: 'Add endpoint' }).click();
    dialog = admin.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await dialog.getByLabel('Endpoint URL').fill(endpointURL);
    await check(admin, 'integrations-endpoint-form');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    dialog = admin.getByRole('dialog', { name: 'Webhook endpoint added' });
    const signingSecret = await dialog.getByLabel('Signing secret').inputValue();
    expect(signingSecret).toMatch(/^whsec_/);
    await check(admin, 'integrations-endpoint-secret');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const endpoint = admin.getByRole('region', { name: endpointURL });
    await expect(endpoint.getByText(/No deliveries yet/)).toBeVisible();

    // The integrator's backend creates a case for its user with the key, and hands over the link.
    const externalId = `user-${Date.now()}`;
    const started = await fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        query: 'mutation($x:String,$m:Map){ startCase(input:{firstName:"Mary", lastName:"Jackson", email:"mary@example.com", externalId:$x, metadata:$m}){ resumeUrl case{ id externalId } } }',
        variables: { x: externalId, m: { plan: 'gold' } },
      }),
    }).then((r) => r.json());
    expect(started.errors).toBeUndefined();
    const { resumeUrl, case: created } = started.data.startCase;
    expect(created.externalId).toBe(externalId);

    // The applicant finishes it on their phone from that link.
    const phone = await (await applicantContext(browser)).newPage();
    await phone.goto(resumeUrl);
    await expectState(phone, 'welcome');
    // The integrator gave the name; the applicant adds the date of birth the welcome step requires.
    await expect(phone.getByLabel('Last name')).toHaveValue('Jackson');
    await fillDetails(phone, { dateOfBirth: '1921-04-09' });
    await phone.getByRole('button', { name: 'Continue' }).click();
    await expectState(phone, 'document_selection');
    await walkToFinal(phone, 'Passport');
    await expect(status(phone, 'PENDING_REVIEW')).toBeVisible();

    // The admin sees the integrator's reference on the case and approves it.
    await admin.goto(`/backoffice/cases/${created.id}`);
    await expect(admin.getByRole('heading', { level: 1, name: 'Mary Jackson' })).toBeVisible();
    await expect(admin.getByText(externalId)).toBeVisible();
    await admin.getByRole('region', { name: 'Case decision' }).getByRole('button', { name: 'Approve case' }).click();
    await acknowledgeChecks(admin.getByRole('dialog'));
    await admin.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(status(phone, 'APPROVED')).toBeVisible();

    // The deliveries show on the Integrations page, refreshed by themselves, as delivered.
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
    const approved = endpoint.locator('tr[data-event-type="case.approved"]');
    await expect(approved.locator('[data-delivery-status="DELIVERED"]')).toBeVisible({ timeout: 30_000 });
    await expect(approved.getByText('HTTP 204')).toBeVisible();
    await expect(endpoint.locator('tr[data-event-type="case.submitted"] [data-delivery-status="DELIVERED"]')).toBeVisible();
    await check(admin, 'integrations-deliveries');

    // What the receiver got: signed with that secret, about that case and reference.
    const got = deliveries.map((d) => ({ ...JSON.parse(d.body), ok: signatureOK(signingSecret, d) }));
    const approval = got.find((d) => d.type === 'case.approved');
    expect(approval).toMatchObject({ ok: true, data: { caseId: created.id, externalId, status: 'APPROVED' } });
    expect(got.filter((d) => d.type === 'case.submitted' && d.data.caseId === created.id)).toHaveLength(1);
    expect(signatureOK('whsec_' + Buffer.from('not the secret').toString('base64'), deliveries[0])).toBe(false);

    // Done: the endpoint goes (after a confirmation), so later specs' events are not sent to a closed port.
    await endpoint.getByRole('button', { name: `Delete endpoint ${endpointURL}` }).click();
    await admin.getByRole('dialog', { name: 'Delete this webhook endpoint?' }).getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(endpoint).toHaveCount(0);
  } finally {
    receiver.close();
  }
});
