import { KycError, type KycClient, type KycSnapshot } from '@kyc/sdk';
import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';

/** ShownError is the error in the alert region, with the action that may fix it. */
export interface ShownError {
  error: KycError;
  retry?: () => void;
}

interface KycContextValue {
  client: KycClient;
  shown: ShownError | null;
  setShown: (e: ShownError | null) => void;
  /** erased: the applicant deleted their data in this page (the "Your data was deleted" screen). */
  erased: boolean;
  setErased: (erased: boolean) => void;
}

const KycContext = createContext<KycContextValue | null>(null);

/** KycProvider gives the screens the SDK client and the shared error region. */
export function KycProvider({ client, children }: { client: KycClient; children: ReactNode }) {
  const [shown, setShown] = useState<ShownError | null>(null);
  const [erased, setErased] = useState(false);
  const value = useMemo(() => ({ client, shown, setShown, erased, setErased }), [client, shown, erased]);
  return <KycContext.Provider value={value}>{children}</KycContext.Provider>;
}

function useKycContext(): KycContextValue {
  const ctx = useContext(KycContext);
  if (!ctx) throw new Error('useKyc must be used inside <KycProvider>');
  return ctx;
}

/** useKyc returns the SDK snapshot (re-rendering on every change) and the client. */
export function useKyc(): { snap: KycSnapshot; client: KycClient } {
  const { client } = useKycContext();
  const snap = useSyncExternalStore(client.subscribe, () => client.snapshot);
  return { snap, client };
}

/** useErased says whether the applicant deleted their data in this page, and sets it. */
export function useErased() {
  const { erased, setErased } = useKycContext();
  return { erased, setErased };
}

/** useShownError reads and clears the error region. */
export function useShownError() {
  const { shown, setShown } = useKycContext();
  return { shown, clear: useCallback(() => setShown(null), [setShown]) };
}

/**
 * useAction wraps an SDK call for a button: it clears the old error, shows a new one in the
 * alert region (never swallowed), and offers the same call again as the retry.
 */
export function useAction() {
  const { setShown } = useKycContext();
  return useCallback(
    function run<T>(action: () => Promise<T>): Promise<T | undefined> {
      setShown(null);
      return action().catch((err: unknown) => {
        const error = err instanceof KycError ? err : new KycError('INTERNAL', String(err));
        setShown({ error, retry: () => void run(action) });
        return undefined;
      });
    },
    [setShown],
  );
}

/** useShowError puts an error in the alert region without an action (e.g. a local check). */
export function useShowError() {
  const { setShown } = useKycContext();
  return setShown;
}
