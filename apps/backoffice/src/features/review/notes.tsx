import { useId, useState, type FormEvent } from 'react';
import type { CaseDetailFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/error-copy';
import { formatDateTime } from '../../lib/time';

/** Notes are the reviewers' internal remarks on a case (never shown to the applicant). Without onAdd (an erased case) they are read-only. */
export function Notes({ notes, onAdd }: { notes: CaseDetailFragment['notes']; onAdd?(body: string): Promise<void> }) {
  const fieldId = useId();
  const errorId = useId();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!onAdd) return;
    if (!body.trim()) {
      setError('Write a note first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onAdd(body.trim());
      setBody('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <h2>Notes</h2>
      {notes.length === 0 ? (
        <p className="muted">No notes yet. Notes are for reviewers only.</p>
      ) : (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="note-body">{n.body}</p>
              <p className="note-meta">
                {n.author.name || n.author.email} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {onAdd && (
        <form onSubmit={submit} className="note-form" noValidate>
          <div className="field">
            <label htmlFor={fieldId}>Note</label>
            <textarea
              id={fieldId}
              rows={3}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
            {error && (
              <p id={errorId} className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Adding…' : 'Add note'}
          </button>
        </form>
      )}
    </section>
  );
}
