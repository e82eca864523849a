import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KycError } from '@kyc/sdk/errors';
import type { ApiKeyFieldsFragment, WebhookDeliveryFieldsFragment, WebhookEndpointFieldsFragment } from '../../gql/graphql';
import { connection, makeCase, ME, OTHER } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const SECRET = 'kyc_sk_live4f1b2c3d4e5f60718293a4b5c6d7e8f9';
const WHSEC = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const key = (k: Partial<ApiKeyFieldsFragment> & { id: string; name: string }): ApiKeyFieldsFragment => ({
  prefix: 'kyc_sk_ab12',
  createdAt: '2026-11-20T10:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
  ...k,
});

const KEYS = [
  key({ id: 'key-1', name: 'Onboarding backend', prefix: 'kyc_sk_9f3e', lastUsedAt: '2026-11-25T09:00:00Z' }),
  key({ id: 'key-2', name: 'Old CRM', prefix: 'kyc_sk_77aa', revokedAt: '2026-11-22T10:00:00Z' }),
];

const ENDPOINT: WebhookEndpointFieldsFragment = {
  id: 'ep-1',
  url: 'https://hooks.example.com/kyc',
  events: ['case.approved', 'case.rejected'],
  createdAt: '2026-11-20T10:00:00Z',
};

const delivery = (d: Partial<WebhookDeliveryFieldsFragment> & { id: string }): WebhookDeliveryFieldsFragment => ({
  eventType: 'case.approved',
  status: 'DELIVERED',
  attempts: 1,
  lastStatusCode: 200,
  lastError: null,
  nextAttemptAt: null,
  deliveredAt: '2026-11-25T10:00:01Z',
  createdAt: '2026-11-25T10:00:00Z',
  caseId: 'case-1',
  ...d,
});

const DELIVERIES = [
  delivery({ id: 'dl-2', eventType: 'case.rejected', status: 'PENDING', attempts: 3, lastStatusCode: 503, lastError: 'endpoint answered 503', nextAttemptAt: '2099-01-01T00:00:00Z', deliveredAt: null }),
  delivery({ id: 'dl-1' }),
];

const page = (deliveries = DELIVERIES) => ({
  Integrations: () => ({ apiKeys: KEYS, webhookEndpoints: [ENDPOINT] }),
  WebhookDeliveries: () => ({ webhookDeliveries: { totalCount: deliveries.length, edges: deliveries.map((node) => ({ node })) } }),
});

const keyRow = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('integrations page', () => {
  it('is offered to admins only, and says "not allowed" at its URL to anyone else', async () => {
    const { client } = renderApp('integrations', { Me: () => ({ me: { ...OTHER, role: 'REVIEWER' } }), ListCases: () => connection([]) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Integrations' })).toBeNull();
    expect(client.callsOf('Integrations')).toHaveLength(0);
  });

  it('lists keys (prefix, last use, revoked) and each endpoint with its recent deliveries', async () => {
    const { client } = renderApp('', { ListCases: () => connection([]), ...page() });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Integrations' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations' })).toBeTruthy();
    expect(location.pathname).toBe('/backoffice/integrations');
    expect(document.title).toBe('Integrations · KYC Review');

    expect(within(keyRow('Onboarding backend')).getByText('kyc_sk_9f3e…')).toBeTruthy();
    expect(keyRow('Onboarding backend').querySelector('[data-key-status]')?.getAttribute('data-key-status')).toBe('ACTIVE');
    expect(keyRow('Old CRM').querySelector('[data-key-status]')?.getAttribute('data-key-status')).toBe('REVOKED');
    expect(within(keyRow('Old CRM')).getByText('Never')).toBeTruthy(); // never used
    expect(within(keyRow('Old CRM')).queryByRole('button', { name: /Revoke/ })).toBeNull();

    const endpoint = screen.getByRole('region', { name: ENDPOINT.url });
    expect(within(endpoint).getByText('case.approved', { selector: '.event-chip' })).toBeTruthy();
    const rows = await within(endpoint).findAllByRole('row');
    expect(rows).toHaveLength(3); // header + two deliveries
    const pending = endpoint.querySelector('[data-delivery-id="dl-2"]') as HTMLElement;
    expect(pending.querySelector('[data-delivery-status]')?.textContent).toBe('Pending');
    expect(within(pending).getByText('HTTP 503')).toBeTruthy();
    expect(within(pending).getByText('endpoint answered 503')).toBeTruthy();
    expect(pending.querySelector('time[datetime="2099-01-01T00:00:00Z"]')).toBeTruthy(); // next retry
    const delivered = endpoint.querySelector('[data-delivery-id="dl-1"]') as HTMLElement;
    expect(delivered.querySelector('[data-delivery-status]')?.textContent).toBe('Delivered');
    expect(within(delivered).getByRole('link', { name: 'Case case-1' }).getAttribute('href')).toBe('/backoffice/cases/case-1');
    expect(client.callsOf('WebhookDeliveries')[0]).toEqual({ endpointId: 'ep-1', first: 10 });
  });

  it('creates a key and shows its secret once, with a Copy button; closed, the secret is gone for good', async () => {
    let keys = KEYS;
    const created = key({ id: 'key-3', name: 'Mobile backend', prefix: 'kyc_sk_live' });
    const { client } = renderApp('integrations', {
      ...page(),
      Integrations: () => ({ apiKeys: keys, webhookEndpoints: [ENDPOINT] }),
      CreateApiKey: () => {
        keys = [created, ...KEYS];
        return { createApiKey: { apiKey: created, secret: SECRET } };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    let dialog = screen.getByRole('dialog', { name: 'Create an API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByText(/Enter a name/)).toBeTruthy();
    expect(client.callsOf('CreateApiKey')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Name'), '  Mobile backend ');
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    dialog = await screen.findByRole('dialog', { name: 'API key Mobile backend' });
    expect(client.callsOf('CreateApiKey')).toEqual([{ input: { name: 'Mobile backend' } }]);
    expect(dialog.textContent).toMatch(/Store it now: it cannot be shown again/);
    expect((within(dialog).getByLabelText('Secret') as HTMLInputElement).value).toBe(SECRET);
    const copy = within(dialog).getByRole('button', { name: 'Copy' });
    expect(document.activeElement).toBe(copy);
    await user.click(copy);
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('rowheader', { name: 'Mobile backend' })).toBeTruthy(); // the list was refetched
    expect(document.body.innerHTML).not.toContain(SECRET); // nowhere on the page any more
    expect(client.callsOf('CreateApiKey')).toHaveLength(1);
  });

  it('revokes a key only after a confirmation, and can cancel', async () => {
    let keys = KEYS;
    const { client } = renderApp('integrations', {
      ...page(),
      Integrations: () => ({ apiKeys: keys, webhookEndpoints: [ENDPOINT] }),
      RevokeApiKey: ({ input }: { input: { id: string } }) => {
        keys = keys.map((k) => (k.id === input.id ? { ...k, revokedAt: '2026-11-25T11:00:00Z' } : k));
        return { revokeApiKey: keys.find((k) => k.id === input.id) };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke Onboarding backend' }));
    let dialog = screen.getByRole('dialog', { name: 'Revoke Onboarding backend?' });
    expect(dialog.textContent).toMatch(/refused at once/);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.callsOf('RevokeApiKey')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Revoke Onboarding backend' }));
    dialog = screen.getByRole('dialog', { name: 'Revoke Onboarding backend?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsOf('RevokeApiKey')).toEqual([{ input: { id: 'key-1' } }]);
    await waitFor(() => expect(keyRow('Onboarding backend').querySelector('[data-key-status]')?.getAttribute('data-key-status')).toBe('REVOKED'));
    expect(screen.queryByRole('button', { name: 'Revoke Onboarding backend' })).toBeNull();
  });

  it('adds an endpoint for the chosen events and shows its signing secret once; says why the server refused one', async () => {
    let refuse = true;
    const created: WebhookEndpointFieldsFragment = { id: 'ep-2', url: 'https://crm.example.com/hooks', events: [], createdAt: '2026-11-25T11:00:00Z' };
    const { client } = renderApp('integrations', {
      ...page(),
      CreateWebhookEndpoint: ({ input }: { input: { url: string; events: string[] } }) => {
        if (refuse) throw new KycError('BAD_USER_INPUT', 'the endpoint resolves to a loopback, private, link-local or metadata address');
        return { createWebhookEndpoint: { endpoint: { ...created, events: input.events }, secret: WHSEC } };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add endpoint' }));
    let dialog = screen.getByRole('dialog', { name: 'Add a webhook endpoint' });
    // Every event starts checked.
    const boxes = within(dialog).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true, true, true]);
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(within(dialog).getByText(/Enter the full address/)).toBeTruthy();

    await user.type(within(dialog).getByLabelText('Endpoint URL'), 'https://crm.example.com/hooks');
    await user.click(within(dialog).getByRole('checkbox', { name: /case\.submitted/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /case\.decision_proposed/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/loopback, private/);

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    dialog = await screen.findByRole('dialog', { name: 'Webhook endpoint added' });
    expect(client.callsOf('CreateWebhookEndpoint').at(-1)).toEqual({
      input: { url: 'https://crm.example.com/hooks', events: ['case.approved', 'case.rejected', 'case.resubmission_requested'] },
    });
    expect(dialog.textContent).toMatch(/cannot be shown again/);
    expect((within(dialog).getByLabelText('Signing secret') as HTMLInputElement).value).toBe(WHSEC);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(document.body.innerHTML).not.toContain(WHSEC);
  });

  it('deletes an endpoint after a confirmation', async () => {
    let endpoints = [ENDPOINT];
    const { client } = renderApp('integrations', {
      ...page(),
      Integrations: () => ({ apiKeys: KEYS, webhookEndpoints: endpoints }),
      DeleteWebhookEndpoint: () => {
        endpoints = [];
        return { deleteWebhookEndpoint: true };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Delete endpoint ${ENDPOINT.url}` }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this webhook endpoint?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete endpoint' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsOf('DeleteWebhookEndpoint')).toEqual([{ input: { id: 'ep-1' } }]);
    expect(await screen.findByText(/No webhook endpoints yet/)).toBeTruthy();
  });

  it('redelivers a delivery and shows the new one; Refresh reads the deliveries again', async () => {
    let deliveries = DELIVERIES;
    const again = delivery({ id: 'dl-3', status: 'PENDING', attempts: 0, lastStatusCode: null, deliveredAt: null, createdAt: '2026-11-25T12:00:00Z' });
    const { client } = renderApp('integrations', {
      ...page(),
      WebhookDeliveries: () => ({ webhookDeliveries: { totalCount: deliveries.length, edges: deliveries.map((node) => ({ node })) } }),
      RedeliverWebhook: () => {
        deliveries = [again, ...deliveries];
        return { redeliverWebhook: again };
      },
    });
    const user = userEvent.setup();
    const endpoint = await screen.findByRole('region', { name: ENDPOINT.url });
    await within(endpoint).findAllByRole('button', { name: /^Redeliver case\.approved/ });
    const reads = client.callsOf('WebhookDeliveries').length;
    await user.click(within(endpoint).getByRole('button', { name: `Refresh deliveries to ${ENDPOINT.url}` }));
    await waitFor(() => expect(client.callsOf('WebhookDeliveries').length).toBeGreaterThan(reads));

    await user.click(within(endpoint).getByRole('button', { name: /^Redeliver case\.approved/ }));
    expect(client.callsOf('RedeliverWebhook')).toEqual([{ input: { deliveryId: 'dl-1' } }]);
    await waitFor(() => expect(endpoint.querySelector('[data-delivery-id="dl-3"]')).toBeTruthy());
    expect(within(endpoint.querySelector('[data-delivery-id="dl-3"]') as HTMLElement).getByText('Not tried yet')).toBeTruthy();
    expect(screen.getByText('case.approved is queued for delivery again.')).toBeTruthy();
  });
});

describe('case page, integrator fields', () => {
  it("shows the integrator's external ID and metadata when the case has them, and nothing otherwise", async () => {
    const c = makeCase({ externalId: 'user-42', metadata: { plan: 'gold', seats: 3 } });
    const { unmount } = renderApp(`cases/${c.id}`, { GetCase: () => ({ node: { __typename: 'Case', ...c } }), Reviewers: () => ({ reviewers: [ME] }) });
    const applicant = (await screen.findByRole('heading', { name: 'Applicant' })).closest('section')!;
    expect(within(applicant).getByText('External ID').nextElementSibling?.textContent).toBe('user-42');
    expect(within(applicant).getByRole('heading', { name: 'Metadata' }).nextElementSibling?.textContent).toBe('{\n  "plan": "gold",\n  "seats": 3\n}');
    unmount();

    const plain = makeCase();
    renderApp(`cases/${plain.id}`, { GetCase: () => ({ node: { __typename: 'Case', ...plain } }), Reviewers: () => ({ reviewers: [ME] }) });
    const section = (await screen.findByRole('heading', { name: 'Applicant' })).closest('section')!;
    expect(within(section).queryByText('External ID')).toBeNull();
    expect(within(section).queryByText('Metadata')).toBeNull();
  });
});
