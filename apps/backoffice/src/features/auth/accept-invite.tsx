import { useId, useRef, useState, type FormEvent } from 'react';
import { isKycError } from '@kyc/sdk/errors';
import { clearInviteToken, href } from '../../app/router';
import { errorMessage } from '../../lib/error-copy';
import { useSession } from './session';

/** The server's minimum (graph/team.go MinPasswordLen); checked here too, to say so before sending. */
export const MIN_PASSWORD_LENGTH = 12;

type FieldErrors = { password?: string; confirmation?: string };

/** validatePassword is the page's own check: long enough, and typed the same twice. */
export function validatePassword(password: string, confirmation: string): FieldErrors {
  const errors: FieldErrors = {};
  if ([...password].length < MIN_PASSWORD_LENGTH) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (!errors.password && confirmation !== password) errors.confirmation = 'The two passwords are not the same.';
  return errors;
}

/**
 * AcceptInvite is where an invitation link (`#invite=<token>`) lands: the invited reviewer sets a
 * password and is signed in. The link works once; afterwards the fragment is dropped from the URL.
 */
export function AcceptInvite({ token }: { token: string }) {
  const { acceptInvite, session } = useSession();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<{ text: string; dead: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const passwordErrorId = useId();
  const confirmationErrorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const errors = validatePassword(password, confirmation);
    setFields(errors);
    if (errors.password) return passwordRef.current?.focus();
    if (errors.confirmation) return confirmationRef.current?.focus();
    setBusy(true);
    setError(null);
    try {
      await acceptInvite(token, password);
      clearInviteToken(''); // signed in: on to the case list, without the used token in the URL
    } catch (err) {
      if (isKycError(err, 'UNAUTHENTICATED')) {
        setError({ text: 'This invitation link does not work any more: it was used already, has expired (links last 7 days), or a newer one was sent. Ask your admin for a new link.', dead: true });
      } else if (isKycError(err, 'FORBIDDEN')) {
        setError({ text: 'This account is deactivated. Ask your admin to reactivate it.', dead: true });
      } else {
        setError({ text: errorMessage(err), dead: false });
      }
      setBusy(false);
    }
  };

  const signedInAs = session.status === 'signed-in' ? session.me : null;

  return (
    <main id="main" className="sign-in">
      <form className="sign-in-card" onSubmit={submit} noValidate aria-labelledby="accept-title">
        <p className="brand brand-large" aria-hidden="true">
          KYC Review
        </p>
        <h1 id="accept-title">Set your password</h1>
        <p className="muted">You were invited to review KYC cases. Choose a password to finish setting up your account.</p>
        {signedInAs && !error && (
          <p className="notice" role="status">
            This browser is signed in as {signedInAs.name || signedInAs.email}. Setting the password signs you in as the invited reviewer instead.
          </p>
        )}
        {error && (
          <div className="alert alert-error" role="alert">
            <p>{error.text}</p>
          </div>
        )}
        <div className="field">
          <label htmlFor="new-password">New password</label>
          <input
            id="new-password"
            ref={passwordRef}
            name="new-password"
            type="password"
            autoComplete="new-password"
            // Choosing a password is the page's only task: start in its field.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={fields.password ? true : undefined}
            aria-describedby={fields.password ? `${hintId} ${passwordErrorId}` : hintId}
          />
          <p id={hintId} className="hint">
            At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one.
          </p>
          {fields.password && (
            <p id={passwordErrorId} className="field-error">
              {fields.password}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="confirm-password">Confirm password</label>
          <input
            id="confirm-password"
            ref={confirmationRef}
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            aria-invalid={fields.confirmation ? true : undefined}
            aria-describedby={fields.confirmation ? confirmationErrorId : undefined}
          />
          {fields.confirmation && (
            <p id={confirmationErrorId} className="field-error">
              {fields.confirmation}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary button-block" disabled={busy || error?.dead}>
          {busy ? 'Setting password…' : 'Set password and sign in'}
        </button>
        <p className="sign-in-alt">
          <a
            href={href('')}
            onClick={(e) => {
              e.preventDefault();
              clearInviteToken('');
            }}
          >
            {signedInAs ? 'Back to the case list' : 'I already have a password: sign in'}
          </a>
        </p>
      </form>
    </main>
  );
}
