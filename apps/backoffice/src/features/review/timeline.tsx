import { useState } from 'react';
import type { CaseDetailFragment } from '../../gql/graphql';
import { actorLabel, CASE_STATUS_LABEL, DOCUMENT_STATUS_LABEL, DOCUMENT_TYPE_LABEL, eventLabel, PROPOSAL_LABEL } from '../../lib/labels';
import { formatDateTime } from '../../lib/time';

type CaseEvent = CaseDetailFragment['events'][number];

const words = (v: unknown, table: Record<string, string>) => (typeof v === 'string' && table[v]) || String(v);

const photos = (n: number) => `${n} ${n === 1 ? 'photo' : 'photos'} deleted`;

/** eventDetails turns an event's JSON data into a short line of human-readable facts. */
export function eventDetails(event: CaseEvent): string {
  let data: Record<string, unknown> = {};
  try {
    data = event.data ? (JSON.parse(event.data) as Record<string, unknown>) : {};
  } catch {
    return event.data ?? '';
  }
  const parts: string[] = [];
  switch (event.type) {
    case 'STATE_CHANGED':
      if (event.fromState || event.toState) parts.push(`${event.fromState ?? '—'} → ${event.toState ?? '—'}`);
      if (data.documentType) parts.push(words(data.documentType, DOCUMENT_TYPE_LABEL));
      break;
    case 'DOCUMENT_UPLOADED':
      if (data.type) parts.push(words(data.type, DOCUMENT_TYPE_LABEL));
      if (data.side && data.type !== 'SELFIE') parts.push(String(data.side).toLowerCase());
      if (data.revision) parts.push(`revision ${data.revision}`);
      break;
    case 'CASE_SUBMITTED':
      if (typeof data.revision === 'number' && data.revision > 1) parts.push(`resubmission ${data.revision - 1}`);
      break;
    case 'CASE_ASSIGNED':
      if (data.assignee) parts.push(`to ${data.assignee}`);
      if (data.claimed) parts.push('claimed by deciding');
      break;
    case 'DOCUMENT_DECIDED':
      if (data.type) parts.push(words(data.type, DOCUMENT_TYPE_LABEL));
      if (data.status) parts.push(words(data.status, DOCUMENT_STATUS_LABEL).toLowerCase());
      if (data.reason) parts.push(`“${data.reason}”`);
      break;
    case 'CASE_DECIDED':
      if (data.status) parts.push(words(data.status, CASE_STATUS_LABEL));
      if (data.reason) parts.push(`“${data.reason}”`);
      if (data.documents && typeof data.documents === 'object') {
        const n = Object.keys(data.documents).length;
        if (n) parts.push(`${n} ${n === 1 ? 'document' : 'documents'} to re-take`);
      }
      break;
    case 'DECISION_PROPOSED':
    case 'DECISION_CONFIRMED':
      if (data.decision) parts.push(words(data.decision, PROPOSAL_LABEL));
      if (data.reason) parts.push(`“${data.reason}”`);
      break;
    case 'DECISION_RETURNED':
      if (data.decision) parts.push(`${words(data.decision, PROPOSAL_LABEL)} returned`);
      if (data.reason) parts.push(`“${data.reason}”`);
      break;
    case 'APPLICANT_ERASED':
      if (data.reason) parts.push(`“${data.reason}”`);
      if (typeof data.documents === 'number') parts.push(photos(data.documents));
      break;
    case 'DOCUMENTS_PURGED':
      if (data.rule === 'unsubmitted') parts.push('never submitted: photos and applicant details');
      else if (data.rule === 'decided') parts.push('retention period after the decision ended');
      else if (data.rule) parts.push(String(data.rule));
      if (typeof data.documents === 'number') parts.push(photos(data.documents));
      break;
    default:
      for (const [k, v] of Object.entries(data)) {
        if (v == null || typeof v === 'object' || /id$/i.test(k)) continue;
        parts.push(`${k}: ${v}`);
      }
  }
  return parts.join(' · ');
}

/**
 * ChainBadge says whether the audit trail verifies against the server's key (each event's hash
 * an HMAC of its content and of the previous hash): an edited or removed event breaks it.
 */
function ChainBadge({ chain }: { chain: CaseDetailFragment['auditChain'] }) {
  return chain.valid ? (
    <span className="badge badge-approved" title={`All ${chain.checkedEvents} events verify against the server's key`}>
      Audit chain verified
    </span>
  ) : (
    <span className="badge badge-rejected" role="status" title={chain.detail ?? undefined}>
      Audit chain broken{chain.detail ? `: ${chain.detail}` : ''}
    </span>
  );
}

/** Timeline is the audit trail, newest first, each entry with its chain hash. */
export function Timeline({ events, chain }: { events: CaseDetailFragment['events']; chain?: CaseDetailFragment['auditChain'] }) {
  const [steps, setSteps] = useState(true);
  const stepCount = events.filter((e) => e.type === 'STATE_CHANGED').length;
  const newestFirst = [...events].reverse().filter((e) => steps || e.type !== 'STATE_CHANGED');
  return (
    <section className="panel">
      <div className="panel-head">
        <h2>Timeline</h2>
        {chain && <ChainBadge chain={chain} />}
        {stepCount > 0 && (
          <label className="checkbox checkbox-small">
            <input type="checkbox" checked={steps} onChange={(e) => setSteps(e.target.checked)} />
            Show step changes ({stepCount})
          </label>
        )}
      </div>
      {newestFirst.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <ol className="timeline">
          {newestFirst.map((e) => {
            const details = eventDetails(e);
            return (
              <li key={e.id} data-event-type={e.type} data-broken={chain?.firstBrokenEventId === e.id || undefined}>
                <div className="timeline-line">
                  <strong>{eventLabel(e.type)}</strong>
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, true)}</time>
                </div>
                <div className="timeline-sub">
                  <span>{actorLabel(e.actor)}</span>
                  {details && <span> · {details}</span>}
                </div>
                <code className="hash" title={`Event hash ${e.hash}`}>
                  {e.hash.slice(0, 12)}
                </code>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
