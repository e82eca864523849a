import { useId, useRef, useState } from 'react';
import { isKycError } from '@kyc/sdk/errors';
import { Dialog, FormError } from '../../components/dialog';
import type { CaseDetailFragment, Decision } from '../../gql/graphql';
import { errorMessage } from '../../lib/error-copy';
import { applicantName, PROPOSAL_LABEL } from '../../lib/labels';
import { formatDateTime, timeAgo } from '../../lib/time';

type Proposal = NonNullable<CaseDetailFragment['proposedDecision']>;
type Returned = NonNullable<CaseDetailFragment['returnedDecision']>;
type Person = { id: string; name: string; email: string };

const personName = (p: Person, meId: string) => (p.id === meId ? 'you' : p.name || p.email);

/** "approval", "rejection": what a confirmation takes. */
const NOUN: Record<Decision, string> = { APPROVE: 'approval', REJECT: 'rejection', REQUEST_RESUBMISSION: 'resubmission request' };

function When({ at, now }: { at: string; now: number }) {
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {timeAgo(at, now)}
    </time>
  );
}

/**
 * ProposalPanel shows a decision waiting for a second reviewer (four-eyes): what, by whom, when
 * and why. Everyone but its author may confirm or return it; its author is told to wait.
 */
export function ProposalPanel({ proposal, meId, now, busy, onConfirm, onReturn }: {
  proposal: Proposal;
  meId: string;
  now: number;
  busy: boolean;
  onConfirm(): void;
  onReturn(): void;
}) {
  const mine = proposal.by.id === meId;
  return (
    <section className="proposal" aria-labelledby="proposal-title" data-proposal={proposal.decision}>
      <h2 id="proposal-title">Proposed decision: {PROPOSAL_LABEL[proposal.decision]}</h2>
      <p className="proposal-meta">
        Proposed by <strong>{personName(proposal.by, meId)}</strong> <When at={proposal.at} now={now} />. Four-eyes review: a second reviewer
        takes the decision.
      </p>
      {proposal.reason && (
        <p className="proposal-reason">
          Reason: <q>{proposal.reason}</q>
        </p>
      )}
      {mine ? (
        <p className="proposal-wait" role="status">
          Waiting for a second reviewer. Another reviewer confirms or returns your proposal.
        </p>
      ) : (
        <div className="proposal-actions">
          <button
            type="button"
            className={`button ${proposal.decision === 'REJECT' ? 'button-danger' : 'button-approve'}`}
            disabled={busy}
            onClick={onConfirm}
          >
            Confirm {NOUN[proposal.decision]}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onReturn}>
            Return to review
          </button>
        </div>
      )}
    </section>
  );
}

/** ReturnedPanel says why a proposal came back: shown until the case is decided or proposed again. */
export function ReturnedPanel({ returned, meId, now }: { returned: Returned; meId: string; now: number }) {
  const mine = returned.by.id === meId;
  return (
    <section className="proposal proposal-returned" aria-labelledby="returned-title" data-returned={returned.decision}>
      <h2 id="returned-title">{mine ? 'Your proposal was returned' : 'A proposal was returned'}</h2>
      <p className="proposal-meta">
        {PROPOSAL_LABEL[returned.decision]}, proposed by {personName(returned.by, meId)} <When at={returned.at} now={now} />, was returned by{' '}
        <strong>{personName(returned.returnedBy, meId)}</strong> <When at={returned.returnedAt} now={now} />.
      </p>
      <p className="proposal-reason">
        Why: <q>{returned.returnReason}</q>
      </p>
      {returned.reason && (
        <p className="muted">
          The proposal’s reason was: <q>{returned.reason}</q>
        </p>
      )}
    </section>
  );
}

/**
 * SecondReviewDialog confirms a proposal, or returns it with a reason (required: its author reads
 * it). onSubmit performs the mutation; a refusal other than CONFLICT shows in the dialog.
 */
export function SecondReviewDialog({ kind, caseData, proposal, meId, onCancel, onSubmit }: {
  kind: 'confirm' | 'return';
  caseData: CaseDetailFragment;
  proposal: Proposal;
  meId: string;
  onCancel(): void;
  onSubmit(reason?: string): Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const name = applicantName(caseData.applicant);
  const author = personName(proposal.by, meId);
  const noun = NOUN[proposal.decision];

  const submit = async () => {
    if (busy) return;
    if (kind === 'return' && !reason.trim()) {
      setFieldError('Say why the proposal goes back: its author reads it.');
      reasonRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(kind === 'return' ? reason.trim() : undefined);
    } catch (e) {
      if (!isKycError(e, 'CONFLICT')) setError(errorMessage(e));
      setBusy(false);
    }
  };

  const outcome = proposal.decision === 'APPROVE' ? 'approved' : proposal.decision === 'REJECT' ? 'rejected' : 'sent back to the applicant';
  return (
    <Dialog
      title={kind === 'confirm' ? `Confirm ${noun}` : 'Return to review'}
      description={
        kind === 'confirm'
          ? `${name}’s case will be ${outcome}, as ${author} proposed. The applicant sees the result at once.`
          : `The ${noun} is not taken: the case goes back to pending review, and ${author} sees why.`
      }
      onClose={onCancel}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${kind === 'confirm' && proposal.decision === 'REJECT' ? 'button-danger' : 'button-primary'}`}
            aria-disabled={busy}
            data-autofocus={kind === 'confirm' || undefined}
          >
            {busy ? 'Saving…' : kind === 'confirm' ? `Confirm ${noun}` : 'Return to review'}
          </button>
        </>
      }
    >
      <FormError error={error} />
      {kind === 'return' && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>Why does it go back?</label>
          <textarea
            id={`${id}-reason`}
            ref={reasonRef}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-hint ${id}-error` : `${id}-hint`}
            data-autofocus
          />
          <p id={`${id}-hint`} className="hint">
            Shown to {author} with the case. Not shown to the applicant.
          </p>
          {fieldError && (
            <p id={`${id}-error`} className="field-error">
              {fieldError}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
