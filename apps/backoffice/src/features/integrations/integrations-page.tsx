import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link } from '../../app/router';
import { Dialog, DialogActions, FormError } from '../../components/dialog';
import type {
  ApiKeyFieldsFragment,
  WebhookDeliveryFieldsFragment,
  WebhookDeliveryStatus,
  WebhookEndpointFieldsFragment,
} from '../../gql/graphql';
import { apiQuery, operationName, useApi, useApiQuery } from '../../lib/api-context';
import { errorMessage } from '../../lib/error-copy';
import { formatDateTime, timeAgo } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useMe } from '../auth/session';
import {
  CreateApiKeyMutation,
  CreateWebhookEndpointMutation,
  DeleteWebhookEndpointMutation,
  IntegrationsQuery,
  RedeliverWebhookMutation,
  RevokeApiKeyMutation,
  WebhookDeliveriesQuery,
} from './api/integrations';

/** The events an endpoint can subscribe to (graph/webhooks.go WebhookEventTypes), with what each means. */
export const WEBHOOK_EVENTS: ReadonlyArray<{ type: string; does: string }> = [
  { type: 'case.submitted', does: 'The applicant sent the case for review (and after each resubmission).' },
  { type: 'case.approved', does: 'The case was approved.' },
  { type: 'case.rejected', does: 'The case was rejected.' },
  { type: 'case.resubmission_requested', does: 'The applicant is asked to re-take photos.' },
  { type: 'case.decision_proposed', does: 'A decision waits for a second reviewer (four-eyes).' },
];

const DELIVERY_STATUS_LABEL: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'Pending',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
};

/** How many deliveries each endpoint shows, and how often they are read again while the page is open. */
export const RECENT_DELIVERIES = 10;
export const DELIVERIES_REFRESH_MS = 4_000;

/** IntegrationsPage is the admins' page for API keys and webhooks; anyone else is told it is not for them. */
export function IntegrationsPage() {
  const me = useMe();
  if (me.role !== 'ADMIN') {
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>Not allowed</h1>
        <p className="page-lead">Only admins manage API keys and webhooks. Ask an admin if your backend needs a key.</p>
        <p>
          <Link to="">Go to the case list</Link>
        </p>
      </main>
    );
  }
  return <Integrations />;
}

type Pending =
  | { kind: 'create-key' }
  | { kind: 'revoke-key'; key: ApiKeyFieldsFragment }
  | { kind: 'create-endpoint' }
  | { kind: 'delete-endpoint'; endpoint: WebhookEndpointFieldsFragment };

function Integrations() {
  const { data, error, isFetching: loading, refetch } = useApiQuery(IntegrationsQuery, {});
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const changed = () => void queryClient.invalidateQueries({ queryKey: [operationName(IntegrationsQuery)] });

  const keys = data?.apiKeys ?? [];
  const endpoints = data?.webhookEndpoints ?? [];

  return (
    <main id="main" tabIndex={-1} className="page page-integrations">
      <div className="page-head">
        <h1>Integrations</h1>
      </div>
      <p className="page-lead">
        Your backend creates cases with an API key and hears every decision through signed webhooks (Standard Webhooks), retried for more
        than a day until your endpoint answers 2xx.
      </p>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {error && (
        <div className="alert alert-error" role="alert">
          <p>The integrations could not be loaded. {errorMessage(error)}</p>
          <button type="button" className="button" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      )}
      {!data && loading && (
        <p className="loading" role="status">
          Loading integrations…
        </p>
      )}

      {data && (
        <>
          <section className="integrations-section" aria-labelledby="api-keys-heading">
            <div className="section-head">
              <h2 id="api-keys-heading">
                API keys <span className="count">{keys.filter((k) => !k.revokedAt).length} active</span>
              </h2>
              <button type="button" className="button button-primary page-head-end" onClick={() => setPending({ kind: 'create-key' })}>
                Create API key
              </button>
            </div>
            <p className="hint section-hint">
              Sent as <code>Authorization: Bearer kyc_sk_…</code>. A key creates and reads cases; it cannot decide them or read notes.
            </p>
            {keys.length === 0 ? (
              <p className="empty-note">No API keys yet.</p>
            ) : (
              <ApiKeyTable keys={keys} onRevoke={(key) => setPending({ kind: 'revoke-key', key })} />
            )}
          </section>

          <section className="integrations-section" aria-labelledby="webhooks-heading">
            <div className="section-head">
              <h2 id="webhooks-heading">
                Webhook endpoints <span className="count">{endpoints.length}</span>
              </h2>
              <button type="button" className="button button-primary page-head-end" onClick={() => setPending({ kind: 'create-endpoint' })}>
                Add endpoint
              </button>
            </div>
            {endpoints.length === 0 ? (
              <p className="empty-note">No webhook endpoints yet. Add one to hear about submissions and decisions.</p>
            ) : (
              endpoints.map((ep) => (
                <EndpointPanel
                  key={ep.id}
                  endpoint={ep}
                  onDelete={() => setPending({ kind: 'delete-endpoint', endpoint: ep })}
                  onAnnounce={setAnnouncement}
                />
              ))
            )}
          </section>
        </>
      )}

      {pending?.kind === 'create-key' && (
        <CreateKeyDialog
          onCreated={(k) => {
            changed();
            setAnnouncement(`API key ${k.name} was created.`);
          }}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'revoke-key' && (
        <RevokeKeyDialog
          apiKey={pending.key}
          onDone={(k) => {
            changed();
            setPending(null);
            setAnnouncement(`API key ${k.name} was revoked.`);
          }}
          onCancel={() => setPending(null)}
        />
      )}
      {pending?.kind === 'create-endpoint' && (
        <CreateEndpointDialog
          onCreated={(ep) => {
            changed();
            setAnnouncement(`Webhook endpoint ${ep.url} was added.`);
          }}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete-endpoint' && (
        <DeleteEndpointDialog
          endpoint={pending.endpoint}
          onDone={() => {
            changed();
            setPending(null);
            setAnnouncement(`Webhook endpoint ${pending.endpoint.url} was deleted.`);
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </main>
  );
}

/** When shows a moment as "5 min. ago" / "in 2 min.", the full date in its title; or fallback when null. */
function When({ at, now, fallback = '—' }: { at: string | null | undefined; now: number; fallback?: string }) {
  if (!at) return <span className="muted">{fallback}</span>;
  const ahead = new Date(at).getTime() - now;
  return (
    <time dateTime={at} title={formatDateTime(at, true)}>
      {/* timeAgo says "just now" within 45 s either way; a retry due soon is still ahead. */}
      {ahead > 0 && ahead < 45_000 ? 'in a few seconds' : timeAgo(at, now)}
    </time>
  );
}

function ApiKeyTable({ keys, onRevoke }: { keys: ApiKeyFieldsFragment[]; onRevoke(key: ApiKeyFieldsFragment): void }) {
  const now = useNow();
  return (
    <div className="table-wrap">
      <table className="case-table team-table stack-table">
        <caption className="visually-hidden">API keys, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-api-key-id={k.id}>
              <th scope="row">{k.name}</th>
              <td data-label="Key">
                <code>{k.prefix}…</code>
              </td>
              <td data-label="Created">
                <When at={k.createdAt} now={now} />
              </td>
              <td data-label="Last used">
                <When at={k.lastUsedAt} now={now} fallback="Never" />
              </td>
              <td>
                {k.revokedAt ? (
                  <span className="badge badge-inactive" data-key-status="REVOKED">
                    Revoked <When at={k.revokedAt} now={now} />
                  </span>
                ) : (
                  <span className="badge badge-active" data-key-status="ACTIVE">
                    Active
                  </span>
                )}
              </td>
              <td className="cell-actions">
                {!k.revokedAt && (
                  <button type="button" className="button button-small button-danger-outline" aria-label={`Revoke ${k.name}`} onClick={() => onRevoke(k)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * EndpointPanel is one endpoint and its recent deliveries, read again every few seconds while the
 * page is open (and on demand), with a Redeliver button per delivery.
 */
function EndpointPanel({ endpoint, onDelete, onAnnounce }: {
  endpoint: WebhookEndpointFieldsFragment;
  onDelete(): void;
  onAnnounce(text: string): void;
}) {
  const client = useApi();
  const now = useNow(5_000);
  const variables = { endpointId: endpoint.id, first: RECENT_DELIVERIES };
  const { data, error, isFetching, refetch } = useQuery({
    ...apiQuery(client, WebhookDeliveriesQuery, variables),
    refetchInterval: DELIVERIES_REFRESH_MS,
  });
  const [redelivering, setRedelivering] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = useId();

  const redeliver = async (d: WebhookDeliveryFieldsFragment) => {
    if (redelivering) return;
    setRedelivering(d.id);
    setFailure(null);
    try {
      await client.execute(RedeliverWebhookMutation, { input: { deliveryId: d.id } });
      onAnnounce(`${d.eventType} is queued for delivery again.`);
      await refetch();
    } catch (e) {
      setFailure(`The delivery could not be queued again. ${errorMessage(e)}`);
    } finally {
      setRedelivering(null);
    }
  };

  const deliveries = data?.webhookDeliveries.edges.map((e) => e.node) ?? [];
  const total = data?.webhookDeliveries.totalCount ?? 0;

  return (
    <section className="panel endpoint" aria-labelledby={headingId} data-endpoint-id={endpoint.id}>
      <div className="panel-head">
        <h3 id={headingId} className="endpoint-url">
          {endpoint.url}
        </h3>
        <div className="endpoint-actions">
          <button type="button" className="button button-small" onClick={() => void refetch()} aria-label={`Refresh deliveries to ${endpoint.url}`}>
            {isFetching ? 'Refreshing…' : 'Refresh'}
          </button>
          <button type="button" className="button button-small button-danger-outline" onClick={onDelete} aria-label={`Delete endpoint ${endpoint.url}`}>
            Delete
          </button>
        </div>
      </div>
      <p className="endpoint-meta">
        <span>
          Added <When at={endpoint.createdAt} now={now} />
        </span>
        <span className="endpoint-events">
          {endpoint.events.map((ev) => (
            <code key={ev} className="event-chip">
              {ev}
            </code>
          ))}
        </span>
      </p>

      <FormError error={failure} />
      {error && !data && (
        <div className="alert alert-error" role="alert">
          <p>The deliveries could not be loaded. {errorMessage(error)}</p>
        </div>
      )}
      {data &&
        (deliveries.length === 0 ? (
          <p className="empty-note">No deliveries yet. Events arrive here as cases are submitted and decided.</p>
        ) : (
          <div className="table-scroll">
            <table className="case-table delivery-table">
              <caption className="delivery-caption">
                Recent deliveries{total > deliveries.length ? ` (latest ${deliveries.length} of ${total})` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Case</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last answer</th>
                  <th scope="col">Next retry</th>
                  <th scope="col">Delivered</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} data-delivery-id={d.id} data-event-type={d.eventType}>
                    <td>
                      <code>{d.eventType}</code>
                      <span className="sub">
                        <When at={d.createdAt} now={now} />
                      </span>
                    </td>
                    <td>{d.caseId ? <Link to={`cases/${d.caseId}`} aria-label={`Case ${d.caseId}`}>{d.caseId.slice(0, 8)}</Link> : '—'}</td>
                    <td>
                      <DeliveryStatusBadge status={d.status} />
                    </td>
                    <td>{d.attempts}</td>
                    <td className="cell-answer">
                      <LastAnswer delivery={d} />
                    </td>
                    <td>{d.status === 'PENDING' ? <When at={d.nextAttemptAt} now={now} /> : <span className="muted">—</span>}</td>
                    <td>
                      <When at={d.deliveredAt} now={now} />
                    </td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Redeliver ${d.eventType} of ${formatDateTime(d.createdAt, true)}`}
                        aria-disabled={redelivering !== null}
                        onClick={() => void redeliver(d)}
                      >
                        {redelivering === d.id ? 'Queuing…' : 'Redeliver'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  return (
    <span className={`badge badge-delivery-${status.toLowerCase()}`} data-delivery-status={status}>
      {DELIVERY_STATUS_LABEL[status]}
    </span>
  );
}

function LastAnswer({ delivery: d }: { delivery: WebhookDeliveryFieldsFragment }) {
  if (d.lastStatusCode == null && !d.lastError) return <span className="muted">{d.attempts === 0 ? 'Not tried yet' : '—'}</span>;
  return (
    <>
      {d.lastStatusCode != null && <span>HTTP {d.lastStatusCode}</span>}
      {d.lastError && (
        <span className="sub delivery-error" title={d.lastError}>
          {d.lastError}
        </span>
      )}
    </>
  );
}

/**
 * SecretOnce shows a secret the server will never show again, with a Copy button that takes focus
 * (the form's buttons are gone); when the clipboard is blocked the text is selected for Ctrl+C.
 */
function SecretOnce({ label, secret, children }: { label: string; secret: string; children?: ReactNode }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const copyRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => copyRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="field">
      <p className="alert alert-warning secret-warning">
        <strong>Store it now: it cannot be shown again.</strong> The server keeps only what it needs to check it.
      </p>
      <label htmlFor={`${id}-secret`}>{label}</label>
      <div className="copy-row">
        <input id={`${id}-secret`} ref={inputRef} type="text" readOnly value={secret} className="copy-input" spellCheck={false} onFocus={(e) => e.target.select()} />
        <button ref={copyRef} type="button" className="button" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="hint" role="status">
        {copied === 'yes' ? 'The secret is on the clipboard.' : copied === 'failed' ? 'Copying is blocked here: the secret is selected, press Ctrl+C (⌘C).' : ''}
      </p>
      {children}
    </div>
  );
}

/** CreateKeyDialog asks for a name, then shows the key's secret once. */
function CreateKeyDialog({ onCreated, onClose }: { onCreated(key: ApiKeyFieldsFragment): void; onClose(): void }) {
  const client = useApi();
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ key: ApiKeyFieldsFragment; secret: string } | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = async () => {
    if (busy || created) return;
    if (!name.trim()) {
      setInvalid(true);
      nameRef.current?.focus();
      return;
    }
    setInvalid(false);
    setBusy(true);
    setError(null);
    try {
      const { createApiKey } = await client.execute(CreateApiKeyMutation, { input: { name: name.trim() } });
      setCreated({ key: createApiKey.apiKey, secret: createApiKey.secret });
      onCreated(createApiKey.apiKey);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Dialog
        title={`API key ${created.key.name}`}
        description="Give this secret to the backend that creates cases. It is sent as a Bearer token."
        onClose={onClose}
        wide
        footer={
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <SecretOnce label="Secret" secret={created.secret} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Create an API key"
      description="Name it after the system that will use it, so you know which key to revoke later."
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <DialogActions label={'Create key'} busyLabel={'Creating…'} busy={busy} onCancel={onClose} />
      }
    >
      <FormError error={error} />
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          type="text"
          autoComplete="off"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-name-error` : undefined}
          data-autofocus
        />
        {invalid && (
          <p id={`${id}-name-error`} className="field-error">
            Enter a name, like “Onboarding backend”.
          </p>
        )}
      </div>
    </Dialog>
  );
}

/** RevokeKeyDialog confirms a revocation: the key stops working at once, for good. */
function RevokeKeyDialog({ apiKey, onDone, onCancel }: {
  apiKey: ApiKeyFieldsFragment;
  onDone(key: ApiKeyFieldsFragment): void;
  onCancel(): void;
}) {
  const client = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { revokeApiKey } = await client.execute(RevokeApiKeyMutation, { input: { id: apiKey.id } });
      onDone(revokeApiKey);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Revoke ${apiKey.name}?`}
      description={`Requests with this key (${apiKey.prefix}…) are refused at once. This cannot be undone: the backend needs a new key. Cases it created stay.`}
      onClose={onCancel}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="button button-danger" aria-disabled={busy}>
            {busy ? 'Revoking…' : 'Revoke key'}
          </button>
        </>
      }
    >
      <FormError error={error} />
    </Dialog>
  );
}

type EndpointErrors = { url?: string; events?: string };

/** CreateEndpointDialog asks for the URL and the events, then shows the signing secret once. */
function CreateEndpointDialog({ onCreated, onClose }: { onCreated(endpoint: WebhookEndpointFieldsFragment): void; onClose(): void }) {
  const client = useApi();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(WEBHOOK_EVENTS.map((e) => e.type));
  const [fields, setFields] = useState<EndpointErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ endpoint: WebhookEndpointFieldsFragment; secret: string } | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const eventsRef = useRef<HTMLFieldSetElement>(null);
  const id = useId();

  const toggle = (type: string, on: boolean) =>
    setEvents((list) => (on ? WEBHOOK_EVENTS.map((e) => e.type).filter((t) => t === type || list.includes(t)) : list.filter((t) => t !== type)));

  const submit = async () => {
    if (busy || created) return;
    const errors: EndpointErrors = {};
    if (!/^https?:\/\/[^\s/]+/i.test(url.trim())) errors.url = 'Enter the full address, starting with https://';
    if (events.length === 0) errors.events = 'Choose at least one event.';
    setFields(errors);
    if (errors.url) return urlRef.current?.focus();
    if (errors.events) return eventsRef.current?.querySelector('input')?.focus();
    setBusy(true);
    setError(null);
    try {
      const { createWebhookEndpoint } = await client.execute(CreateWebhookEndpointMutation, { input: { url: url.trim(), events } });
      setCreated({ endpoint: createWebhookEndpoint.endpoint, secret: createWebhookEndpoint.secret });
      onCreated(createWebhookEndpoint.endpoint);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Dialog
        title="Webhook endpoint added"
        description={
          <p>
            Deliveries to <code>{created.endpoint.url}</code> are signed with this secret (<code>webhook-signature</code> header, Standard
            Webhooks). Your endpoint verifies each one with it.
          </p>
        }
        onClose={onClose}
        wide
        footer={
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <SecretOnce label="Signing secret" secret={created.secret} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Add a webhook endpoint"
      description="Events are POSTed as JSON and retried with backoff for more than 24 hours until the endpoint answers 2xx."
      onClose={onClose}
      onSubmit={() => void submit()}
      wide
      footer={
        <DialogActions label={'Add endpoint'} busyLabel={'Adding…'} busy={busy} onCancel={onClose} />
      }
    >
      <FormError error={error} />
      <div className="field">
        <label htmlFor={`${id}-url`}>Endpoint URL</label>
        <input
          id={`${id}-url`}
          ref={urlRef}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          placeholder="https://example.com/kyc/webhooks"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={fields.url ? true : undefined}
          aria-describedby={fields.url ? `${id}-url-error` : `${id}-url-hint`}
          data-autofocus
        />
        {fields.url ? (
          <p id={`${id}-url-error`} className="field-error">
            {fields.url}
          </p>
        ) : (
          <p id={`${id}-url-hint`} className="hint">
            Addresses on this machine or a private network are refused unless the server allows them.
          </p>
        )}
      </div>
      <fieldset ref={eventsRef} aria-describedby={fields.events ? `${id}-events-error` : undefined}>
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((ev) => (
          <label key={ev.type} className="checkbox event-option">
            <input type="checkbox" checked={events.includes(ev.type)} onChange={(e) => toggle(ev.type, e.target.checked)} />
            <span className="event-type">{ev.type}</span>
            <span className="sub event-does">{ev.does}</span>
          </label>
        ))}
        {fields.events && (
          <p id={`${id}-events-error`} className="field-error">
            {fields.events}
          </p>
        )}
      </fieldset>
    </Dialog>
  );
}

/** DeleteEndpointDialog confirms a deletion: pending deliveries to it are dropped. */
function DeleteEndpointDialog({ endpoint, onDone, onCancel }: {
  endpoint: WebhookEndpointFieldsFragment;
  onDone(): void;
  onCancel(): void;
}) {
  const client = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await client.execute(DeleteWebhookEndpointMutation, { input: { id: endpoint.id } });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Delete this webhook endpoint?"
      description={
        <p>
          <code>{endpoint.url}</code> gets no more events. Its delivery history and any deliveries still waiting for a retry are deleted too.
        </p>
      }
      onClose={onCancel}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="button button-danger" aria-disabled={busy}>
            {busy ? 'Deleting…' : 'Delete endpoint'}
          </button>
        </>
      }
    >
      <FormError error={error} />
    </Dialog>
  );
}
