import { useId, useState } from 'react';
import { DocumentStatusBadge } from '../../components/status-badge';
import type { DocumentFieldsFragment } from '../../gql/graphql';
import { documentLabel, DOCUMENT_STATUS_LABEL } from '../../lib/labels';
import { formatBytes, formatDateTime } from '../../lib/time';
import { CheckBadges } from './check-badges';
import { ImageViewer } from './image-viewer';

export interface DocumentPanelProps {
  document: DocumentFieldsFragment;
  /** revisions of the same document (type and side), newest first, the current one included. */
  revisions: readonly DocumentFieldsFragment[];
  /** canDecide is false when the case is not pending review or belongs to another reviewer. */
  canDecide: boolean;
  busy: boolean;
  /** refreshLinks fetches the case again for fresh signed image links (see ImageViewer). */
  refreshLinks?: () => Promise<unknown>;
  /** erased: the case's applicant data was erased; the case can no longer change (no actions). */
  erased?: boolean;
  onApprove(): void;
  onRequestResubmission(): void;
  onReject(): void;
}

/**
 * DocumentPanel is one document: a region named by its type, with the photo viewer, its details,
 * earlier revisions, and the per-document decisions.
 */
export function DocumentPanel({ document: current, revisions, canDecide, busy, refreshLinks, erased, onApprove, onRequestResubmission, onReject }: DocumentPanelProps) {
  const headingId = useId();
  const [shownId, setShownId] = useState(current.id);
  const shown = revisions.find((r) => r.id === shownId) ?? current;
  const isCurrent = shown.id === current.id;
  const label = documentLabel(current);
  // The photos a reviewer was asked to look at come first; attempts the applicant replaced
  // before submitting (never submitted) are collapsed.
  const seen = revisions.filter((r) => r.submitted || r.id === current.id);
  const replaced = revisions.filter((r) => !r.submitted && r.id !== current.id);
  const shownReplaced = replaced.some((r) => r.id === shown.id);
  const chip = (r: DocumentFieldsFragment) => (
    <button
      key={r.id}
      type="button"
      className="chip"
      aria-pressed={r.id === shown.id}
      onClick={() => setShownId(r.id)}
      title={`${DOCUMENT_STATUS_LABEL[r.status]}${r.reason ? `: ${r.reason}` : ''} · ${formatDateTime(r.createdAt)}`}
    >
      Revision {r.revision}
      {r.id === current.id ? ' (current)' : ''}
    </button>
  );

  return (
    <section className="doc" aria-labelledby={headingId} data-document-type={current.type}>
      <div className="doc-head">
        <h3 id={headingId}>{label}</h3>
        <DocumentStatusBadge status={current.status} />
        {/* With several revisions the toggles below name them; one "Revision N" text per panel. */}
        {seen.length <= 1 && <span className="doc-revision">Revision {current.revision}</span>}
      </div>
      <CheckBadges checks={shown.checks} />
      {current.reason && current.status !== 'APPROVED' && (
        <p className="doc-reason">
          <span className="muted">Reason:</span> {current.reason}
        </p>
      )}

      {!erased && (
        <div className="doc-actions">
          <button type="button" className="button button-small button-approve" onClick={onApprove} disabled={!canDecide || busy || current.status === 'APPROVED'}>
            Approve document
          </button>
          <button type="button" className="button button-small" onClick={onRequestResubmission} disabled={!canDecide || busy}>
            Request resubmission
          </button>
          <button type="button" className="button button-small button-danger-outline" onClick={onReject} disabled={!canDecide || busy || current.status === 'REJECTED'}>
            Reject document
          </button>
        </div>
      )}

      {seen.length > 1 && (
        <div className="revisions" role="group" aria-label={`${label} revisions`}>
          {seen.map(chip)}
        </div>
      )}
      {replaced.length > 0 && (
        <details className="revisions-replaced" data-replaced-before-submission open={shownReplaced || undefined}>
          <summary>
            Replaced before submission ({replaced.length === 1 ? '1 earlier attempt' : `${replaced.length} earlier attempts`})
          </summary>
          <p className="muted">The applicant retook {replaced.length === 1 ? 'this photo' : 'these photos'} before submitting; nobody was asked to review {replaced.length === 1 ? 'it' : 'them'}.</p>
          <div className="revisions" role="group" aria-label={`${label}, replaced before submission`}>
            {replaced.map(chip)}
          </div>
        </details>
      )}
      {!isCurrent && shownReplaced && (
        <p className="notice notice-old" role="status">
          Showing revision {shown.revision}, replaced by the applicant before submitting. Decisions apply to the current revision.
        </p>
      )}
      {!isCurrent && !shownReplaced && (
        <p className="notice notice-old" role="status">
          Showing earlier revision {shown.revision} ({DOCUMENT_STATUS_LABEL[shown.status].toLowerCase()}
          {shown.reason ? `: ${shown.reason}` : ''}). Decisions apply to the current revision.
        </p>
      )}

      {shown.purgedAt ? (
        // The photo itself is gone (its link answers 410): say when, never a broken image.
        <div className="photo-deleted" data-photo-deleted>
          <p>
            <strong>
              Photo deleted on <time dateTime={shown.purgedAt}>{formatDateTime(shown.purgedAt)}</time>
            </strong>
          </p>
          <p className="muted">
            {erased ? "The applicant's data was erased." : 'Deleted under the retention rules.'} Its details below are kept for the record.
          </p>
        </div>
      ) : (
        <ImageViewer key={shown.id} src={shown.url} alt={`${label}, revision ${shown.revision}`} label={label} refresh={refreshLinks} />
      )}

      <dl className="doc-meta">
        <div>
          <dt>Uploaded</dt>
          <dd>
            <time dateTime={shown.createdAt}>{formatDateTime(shown.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>File</dt>
          <dd>
            {shown.contentType.replace('image/', '').toUpperCase()}, {formatBytes(shown.size)}
            {shown.width && shown.height ? `, ${shown.width}×${shown.height}` : ''}
          </dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd>
            <code title={shown.sha256}>{shown.sha256.slice(0, 16)}…</code>
          </dd>
        </div>
      </dl>

    </section>
  );
}
