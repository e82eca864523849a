import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { KycError } from '@kyc/sdk/errors';
import type { MeQuery as MeResult } from '../../gql/graphql';
import { useApi } from '../../lib/api-context';
import { AcceptInviteMutation, LoginMutation, LogoutMutation, MeQuery } from './api/session';

export type Reviewer = NonNullable<MeResult['me']>;

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; expired?: boolean }
  | { status: 'signed-in'; me: Reviewer }
  | { status: 'error'; error: KycError };

interface SessionApi {
  session: Session;
  signIn(email: string, password: string): Promise<void>;
  /** acceptInvite sets an invited reviewer's password; the server signs them in. */
  acceptInvite(token: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

/** SessionProvider restores the cookie session with `me` and drops it when the server says UNAUTHENTICATED. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApi();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    client
      .execute(MeQuery, {})
      .then(({ me }) => live && setSession(me ? { status: 'signed-in', me } : { status: 'signed-out' }))
      .catch((error: KycError) => live && setSession(error.code === 'UNAUTHENTICATED' ? { status: 'signed-out' } : { status: 'error', error }));
    return () => {
      live = false;
    };
  }, [client, attempt]);

  useEffect(
    () =>
      client.onUnauthenticated(() =>
        setSession((s) => (s.status === 'signed-in' ? { status: 'signed-out', expired: true } : s)),
      ),
    [client],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { login } = await client.execute(LoginMutation, { input: { email, password } });
      client.resetSocket(); // the socket authenticates with the cookie it was opened with
      queryClient.clear(); // cached cases belong to the reviewer who loaded them
      setSession({ status: 'signed-in', me: login });
    },
    [client, queryClient],
  );

  const acceptInvite = useCallback(
    async (token: string, password: string) => {
      const { acceptInvite: me } = await client.execute(AcceptInviteMutation, { input: { token, password } });
      // As after a sign-in: a new cookie (whoever was signed in on this browser before is not any more).
      client.resetSocket();
      queryClient.clear();
      setSession({ status: 'signed-in', me });
    },
    [client, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await client.execute(LogoutMutation, {});
    } finally {
      client.resetSocket();
      queryClient.clear();
      setSession({ status: 'signed-out' });
    }
  }, [client, queryClient]);

  const value = useMemo(
    () => ({ session, signIn, acceptInvite, signOut, retry: () => setAttempt((n) => n + 1) }),
    [session, signIn, acceptInvite, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider>');
  return value;
}

/** useMe is the signed-in reviewer; only for screens behind the sign-in. */
export function useMe(): Reviewer {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useMe outside a signed-in screen');
  return session.me;
}
