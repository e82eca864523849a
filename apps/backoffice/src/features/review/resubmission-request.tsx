import { useId } from 'react';
import type { DocumentFieldsFragment } from '../../gql/graphql';
import { documentLabel, REASON_LABEL } from '../../lib/labels';

/** A photo is part of the pending request once flagged (or rejected) while the case is in review. */
export const inRequest = (d: Pick<DocumentFieldsFragment, 'status'>) => d.status === 'RESUBMISSION_REQUESTED' || d.status === 'REJECTED';

/** photos says "1 photo", "2 photos". */
export const photos = (n: number) => (n === 1 ? '1 photo' : `${n} photos`);

interface Props {
  /** flagged: the current documents flagged for resubmission (or rejected), not yet sent. */
  flagged: readonly DocumentFieldsFragment[];
  canSend: boolean;
  busy: boolean;
  onSend(): void;
  onUnflag(doc: DocumentFieldsFragment): void;
}

/**
 * ResubmissionRequest gathers the photos flagged on a case in review into one request that is
 * visibly not sent yet: the applicant hears of it only with "Send to applicant".
 */
export function ResubmissionRequest({ flagged, canSend, busy, onSend, onUnflag }: Props) {
  const titleId = useId();
  if (flagged.length === 0) return null;
  return (
    <section className="resubmission-request" aria-labelledby={titleId} data-resubmission-request>
      <div className="resubmission-request-head">
        <h2 id={titleId}>Resubmission request</h2>
        <span className="badge badge-unsent">
          <span aria-hidden="true">✉︎ </span>Not sent yet
        </span>
      </div>
      <p>
        The applicant has not been told anything yet. They are asked to re-take {flagged.length === 1 ? 'this photo' : 'these photos'} only once you
        send the request.
      </p>
      <ul className="resubmission-list">
        {flagged.map((d) => (
          <li key={d.id}>
            <div>
              <strong>{documentLabel(d)}</strong>
              {d.reasonCode && d.reasonCode !== 'OTHER' && <span className="muted"> · {REASON_LABEL[d.reasonCode]}</span>}
              {d.reason && (
                <p className="applicant-text">
                  <span className="muted">Shown to the applicant:</span> <q>{d.reason}</q>
                </p>
              )}
            </div>
            {canSend && (
              <button type="button" className="button button-small button-quiet" onClick={() => onUnflag(d)} disabled={busy} aria-label={`Unflag ${documentLabel(d)}`}>
                Unflag
              </button>
            )}
          </li>
        ))}
      </ul>
      {canSend && (
        <button type="button" className="button button-primary" onClick={onSend} disabled={busy}>
          Send to applicant ({photos(flagged.length)})
        </button>
      )}
    </section>
  );
}
