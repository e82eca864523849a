import { useId, useRef, useState } from 'react';
import { Dialog, DialogActions, FormError } from '../../components/dialog';
import type { CaseDetailFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/error-copy';

export interface EraseDialogProps {
  caseData: CaseDetailFragment;
  onCancel(): void;
  /** onErase erases with the reason; it throws what the server refused, shown in the dialog. */
  onErase(reason: string): Promise<void>;
}

/**
 * EraseDialog is the admin's "Erase applicant data…" (GDPR Art. 17): what goes, what stays, and
 * a required reason, recorded in the audit trail (APPLICANT_ERASED) with who erased.
 */
export function EraseDialog({ caseData, onCancel, onErase }: EraseDialogProps) {
  const reasonId = useId();
  const hintId = useId();
  const errorId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const photos = new Set([...caseData.documents, ...caseData.documentHistory].filter((d) => !d.purgedAt).map((d) => d.id)).size;

  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onErase(reason.trim());
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Erase applicant data"
      description={
        <>
          <p>This deletes at once, and cannot be undone:</p>
          <ul className="erase-list">
            <li>the applicant’s name, email and the integrator’s metadata,</li>
            <li>
              {photos === 0 ? 'every photo (none is left)' : `every photo, all revisions (${photos} ${photos === 1 ? 'photo' : 'photos'})`},
            </li>
            <li>the applicant’s link: it stops working.</li>
          </ul>
          <p>
            Kept: the status, the dates, the decisions, the notes and the audit trail, where this erasure is recorded
            with your name and the reason. The case can no longer change.
          </p>
        </>
      }
      onClose={onCancel}
      onSubmit={() => void submit()}
      footer={
        <DialogActions label={'Erase data'} busyLabel={'Erasing…'} busy={busy} onCancel={onCancel} danger />
      }
    >
      <FormError error={error} />
      <div className="field">
        <label htmlFor={reasonId}>Reason</label>
        <textarea
          id={reasonId}
          ref={reasonRef}
          rows={3}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
          required
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${hintId} ${errorId}` : hintId}
          data-autofocus
        />
        <p id={hintId} className="hint">
          Required. Recorded in the audit trail, e.g. “GDPR Art. 17 request of 27 Nov 2026, ticket 1234”. Do not write personal data here.
        </p>
        {missing && (
          <p id={errorId} className="field-error">
            Say why the data is erased.
          </p>
        )}
      </div>
    </Dialog>
  );
}
