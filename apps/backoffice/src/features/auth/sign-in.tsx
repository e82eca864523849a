import { useState, type FormEvent } from 'react';
import { isKycError } from '@kyc/sdk/errors';
import { errorMessage } from '../../lib/error-copy';
import { useSession } from './session';
import { FormError } from '../../components/dialog';

export function SignIn({ expired }: { expired?: boolean }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(isKycError(err, 'UNAUTHENTICATED') ? 'Wrong email or password.' : errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <form className="sign-in-card" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <p className="brand brand-large" aria-hidden="true">
          KYC Review
        </p>
        <h1 id="sign-in-title">Sign in to review cases</h1>
        {expired && !error && (
          <p className="notice" role="status">
            Your session has ended. Sign in again to continue.
          </p>
        )}
        <FormError error={error} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            // Signing in is the page's only task: start in the first field.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
