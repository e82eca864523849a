import { useId, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isKycError } from '@kyc/sdk/errors';
import { Dialog, FormError } from '../../components/dialog';
import { graphql } from '../../gql';
import type { CaseDetailFragment, Decision, DocumentFieldsFragment, ReasonCode, ReasonTarget } from '../../gql/graphql';
import { apiQuery, useApi } from '../../lib/api-context';
import { approvalFindings, findingText } from '../../lib/checks';
import { errorMessage } from '../../lib/error-copy';
import { applicantName, CASE_REJECT_REASONS, documentLabel, DOCUMENT_REASONS, DOCUMENT_STATUS_LABEL } from '../../lib/labels';

/** The preset reasons as the server words them for the applicant: it stores that text when the reviewer writes none. */
export const ReasonPresetsQuery = graphql(`
  query ReasonPresets {
    reasonPresets {
      code
      applicantText
      appliesTo
    }
  }
`);

/**
 * useReasonPresets reads the server's presets once per page load (they change only with a new
 * server): by code, undefined until they arrive.
 */
function useReasonPresets() {
  const { data } = useQuery({ ...apiQuery(useApi(), ReasonPresetsQuery, {}), staleTime: Infinity, gcTime: Infinity });
  return useMemo(() => (data ? new Map(data.reasonPresets.map((p) => [p.code, p])) : undefined), [data]);
}

export type DecisionRequest =
  | { kind: 'document'; decision: 'REJECT' | 'REQUEST_RESUBMISSION'; document: DocumentFieldsFragment }
  | { kind: 'case'; decision: Decision };

export interface DecisionInput {
  /** reason: the reviewer's own text, shown to the applicant (instead of the code's wording). */
  reason?: string;
  reasonCode?: ReasonCode;
  documents?: { documentId: string; reason: string; reasonCode?: ReasonCode }[];
  /** note: a remark for the team only, saved as a case note after the decision. */
  note?: string;
}

interface Props {
  request: DecisionRequest;
  caseData: CaseDetailFragment;
  /** changed lists what changed on the server since the dialog opened (null: nothing). */
  changed?: string[] | null;
  /** propose: the four-eyes policy covers this decision, so it is proposed to a second reviewer, not taken. */
  propose?: boolean;
  onCancel(): void;
  /** onConfirm performs the decision; a rejection other than CONFLICT is shown in the dialog. */
  onConfirm(input: DecisionInput): Promise<void>;
}

function titleOf(r: DecisionRequest, propose: boolean): string {
  if (propose && r.kind === 'case' && r.decision === 'APPROVE') return 'Propose approval';
  if (propose && r.kind === 'case' && r.decision === 'REJECT') return 'Propose rejection';
  if (r.kind === 'document') {
    const name = documentLabel(r.document);
    return r.decision === 'REJECT' ? `Reject document: ${name}` : `Request resubmission: ${name}`;
  }
  return { APPROVE: 'Approve case', REJECT: 'Reject case', REQUEST_RESUBMISSION: 'Request resubmission' }[r.decision];
}

/** A document already marked so must be re-taken; the server refuses to leave a rejected one out. */
const mustRetake = (d: DocumentFieldsFragment) => d.status === 'REJECTED' || d.status === 'RESUBMISSION_REQUESTED';

export function DecisionDialog({ request, caseData, changed, propose = false, onCancel, onConfirm }: Props) {
  const reasonId = useId();
  const commentId = useId();
  const reasonErrorId = useId();
  const docsErrorId = useId();
  const commentHintId = useId();
  const noteId = useId();
  const noteHintId = useId();
  const wordingId = useId();
  const reasonRef = useRef<HTMLSelectElement>(null);
  const ackRef = useRef<HTMLInputElement>(null);
  const ackErrorId = useId();
  const [acknowledged, setAcknowledged] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [choice, setChoice] = useState('');
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [fieldError, setFieldError] = useState<{ reason?: string; comment?: string; documents?: string; ack?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const name = applicantName(caseData.applicant);
  const isApprove = request.kind === 'case' && request.decision === 'APPROVE';
  const isCaseResubmit = request.kind === 'case' && request.decision === 'REQUEST_RESUBMISSION';
  const locked = caseData.documents.filter(mustRetake);
  // Reasons are needed for a rejection, a flagged document, and each newly picked document.
  const needsReason = !isApprove && (!isCaseResubmit || picked.size > 0);
  const showReason = !isApprove;
  const target: ReasonTarget = request.decision === 'REJECT' && request.kind === 'case' ? 'CASE' : 'DOCUMENT';
  const server = useReasonPresets();
  // The backoffice's choices (order, names, team-only variants), less any the server does not offer for this decision.
  const presets = (target === 'CASE' ? CASE_REJECT_REASONS : DOCUMENT_REASONS).filter((p) => !server || server.get(p.code)?.appliesTo.includes(target));
  const preset = presets.find((p) => p.key === choice);
  // Approving over the automatic checks' warnings or failures takes an explicit confirmation.
  const flagged = isApprove ? approvalFindings(caseData.documents, documentLabel) : [];

  const submit = async () => {
    if (busy) return;
    const errors: typeof fieldError = {};
    if (isCaseResubmit && picked.size === 0 && locked.length === 0) errors.documents = 'Choose at least one document to re-take.';
    if (needsReason && !choice) errors.reason = 'Choose a reason.';
    if (preset?.code === 'OTHER' && !comment.trim()) errors.comment = 'Write the reason for the applicant.';
    setFieldError(errors);
    if (errors.reason) return reasonRef.current?.focus();
    if (errors.comment) return commentRef.current?.focus();
    if (errors.documents) return;
    if (flagged.length > 0 && !acknowledged) {
      setFieldError({ ack: 'Confirm that you have looked at the flagged photos yourself.' });
      return ackRef.current?.focus();
    }

    const text = comment.trim();
    const input: DecisionInput = {};
    if (!isApprove && text) input.reason = text;
    if (!isApprove && preset && !isCaseResubmit) input.reasonCode = preset.code;
    const remark = [preset?.note, note.trim()].filter(Boolean).join(': ');
    if (remark) input.note = remark;
    if (isCaseResubmit) {
      const code = preset ? { reasonCode: preset.code } : {};
      input.documents = [
        ...locked.map((d) => (d.reasonCode || d.reason ? { documentId: d.id, reason: d.reason ?? '', ...(d.reasonCode ? { reasonCode: d.reasonCode } : {}) } : { documentId: d.id, reason: text, ...code })),
        ...caseData.documents.filter((d) => picked.has(d.id) && !mustRetake(d)).map((d) => ({ documentId: d.id, reason: text, ...code })),
      ];
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(input);
    } catch (e) {
      if (!isKycError(e, 'CONFLICT')) setError(errorMessage(e));
      setBusy(false);
    }
  };

  const description = (() => {
    if (propose && request.kind === 'case') {
      const what = request.decision === 'REJECT' ? 'rejection' : 'approval';
      return `Four-eyes review: your ${what} of ${name}’s case goes to a second reviewer, who confirms or returns it. Until then the applicant sees “in review”.`;
    }
    if (request.kind === 'document') {
      return request.decision === 'REJECT'
        ? 'The document is marked rejected. The case can then be rejected, or sent back with this document to re-take.'
        : 'The photo is added to this case’s resubmission request. The applicant hears of it only when you send the request (Send to applicant).';
    }
    switch (request.decision) {
      case 'APPROVE': {
        const pending = caseData.documents.filter((d) => d.status === 'PENDING').length;
        return `${name}’s case will be approved${pending ? ` and ${pending === 1 ? 'its pending document' : `its ${pending} pending documents`} marked approved` : ''}. The applicant sees the result at once.`;
      }
      case 'REJECT':
        return `${name}’s case will be rejected. The applicant sees the reason’s wording below. This is final.`;
      case 'REQUEST_RESUBMISSION':
        return `${name} is asked to re-take the chosen photos; everything else is kept.`;
    }
  })();

  return (
    <Dialog
      title={titleOf(request, propose)}
      description={description}
      onClose={onCancel}
      onSubmit={() => void submit()}
      wide={isCaseResubmit}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${request.decision === 'REJECT' ? 'button-danger' : 'button-primary'}`}
            aria-disabled={busy}
            data-autofocus={isApprove ? true : undefined}
          >
            {busy ? 'Saving…' : propose ? titleOf(request, propose) : 'Confirm'}
          </button>
        </>
      }
    >
      {changed && (
        <p className="alert alert-warning" role="alert">
          This case changed while you were looking at it{changed.length ? `: ${changed.join('; ')}` : ''}. Cancel and review it
          again: confirming now will be refused.
        </p>
      )}
      <FormError error={error} />

      {flagged.length > 0 && (
        <div className="alert alert-warning approval-checks" data-approval-checks>
          <p>
            <strong>
              The automatic checks flagged {flagged.length === 1 ? 'one finding' : `${flagged.length} findings`} on the current photos:
            </strong>
          </p>
          <ul className="approval-findings">
            {flagged.map((f, i) => (
              <li key={i} data-check-outcome={f.check.outcome}>
                {findingText(f)}
              </li>
            ))}
          </ul>
          <label className="checkbox">
            <input
              ref={ackRef}
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
              aria-invalid={fieldError.ack ? true : undefined}
              aria-describedby={fieldError.ack ? ackErrorId : undefined}
            />
            I have looked at these photos myself and approve anyway
          </label>
          {fieldError.ack && (
            <p id={ackErrorId} className="field-error">
              {fieldError.ack}
            </p>
          )}
        </div>
      )}

      {isCaseResubmit && (
        <fieldset className="doc-picker" aria-describedby={fieldError.documents ? docsErrorId : undefined}>
          <legend>Documents to re-take</legend>
          {caseData.documents.map((d) => {
            const isLocked = mustRetake(d);
            return (
              <label key={d.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={isLocked || picked.has(d.id)}
                  disabled={isLocked}
                  onChange={(e) =>
                    setPicked((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.add(d.id);
                      else next.delete(d.id);
                      return next;
                    })
                  }
                />
                {documentLabel(d)}
                {isLocked && (
                  <span className="muted">
                    {' '}
                    — {DOCUMENT_STATUS_LABEL[d.status].toLowerCase()}
                    {d.reason ? `: ${d.reason}` : ''}
                  </span>
                )}
              </label>
            );
          })}
          {fieldError.documents && (
            <p id={docsErrorId} className="field-error">
              {fieldError.documents}
            </p>
          )}
        </fieldset>
      )}

      {showReason && (
        <>
          <div className="field">
            <label htmlFor={reasonId}>Reason</label>
            <select
              id={reasonId}
              ref={reasonRef}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              aria-invalid={fieldError.reason ? true : undefined}
              aria-describedby={fieldError.reason ? reasonErrorId : undefined}
              required={needsReason}
              data-autofocus={isCaseResubmit ? undefined : true}
            >
              <option value="">{isCaseResubmit && locked.length > 0 ? 'Choose a reason for newly chosen documents…' : 'Choose a reason…'}</option>
              {presets.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.label}
                </option>
              ))}
            </select>
            {preset && preset.code !== 'OTHER' && (
              <p id={wordingId} className="hint applicant-wording" data-applicant-wording>
                The applicant reads: {server ? <q>{server.get(preset.code)?.applicantText}</q> : '…'}
                {preset.note ? ' Your remark goes to a note for the team.' : ''}
              </p>
            )}
            {fieldError.reason && (
              <p id={reasonErrorId} className="field-error">
                {fieldError.reason}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={commentId}>Message to the applicant</label>
            <textarea
              id={commentId}
              ref={commentRef}
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-describedby={fieldError.comment ? `${commentHintId} ${reasonErrorId}-c` : commentHintId}
              aria-invalid={fieldError.comment ? true : undefined}
            />
            <p id={commentHintId} className="hint">
              <strong>Shown to the applicant</strong>, in place of the wording above. {preset?.code === 'OTHER' ? 'Required for Other.' : 'Optional.'}
            </p>
            {fieldError.comment && (
              <p id={`${reasonErrorId}-c`} className="field-error">
                {fieldError.comment}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={noteId}>Note for the team</label>
            <textarea id={noteId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={noteHintId} />
            <p id={noteHintId} className="hint">
              Optional. <strong>Not shown to the applicant</strong>: saved as a note on the case.
            </p>
          </div>
        </>
      )}
    </Dialog>
  );
}
