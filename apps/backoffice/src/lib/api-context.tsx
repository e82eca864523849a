import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiClient, ApiError, Operation } from './api-client';
import { ApiError as ApiErrorClass } from './api-client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider>');
  return client;
}

function toApiError(e: unknown): ApiError {
  return e instanceof ApiErrorClass ? e : new ApiErrorClass('INTERNAL', e instanceof Error ? e.message : String(e));
}

export interface QueryState<R> {
  data: R | undefined;
  error: ApiError | undefined;
  /** loading is true while a request is in flight (also on refetch; data stays until replaced). */
  loading: boolean;
  refetch: () => Promise<void>;
  /** setData replaces the data, e.g. with a mutation's answer. */
  setData: (data: R) => void;
}

/**
 * useQuery runs a query when mounted and whenever its variables change. Answers to superseded
 * requests are dropped, so fast filter changes never show an older page.
 */
export function useQuery<R, V>(operation: Operation<R, V>, variables: V, options: { skip?: boolean } = {}): QueryState<R> {
  const client = useApi();
  const key = JSON.stringify(variables ?? {});
  const [state, setState] = useState<{ data?: R; error?: ApiError; loading: boolean }>({ loading: !options.skip });
  const latest = useRef(0);
  const vars = useRef(variables);
  vars.current = variables;

  const run = useCallback(async () => {
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await client.execute(operation, vars.current);
      if (id === latest.current) setState({ data, loading: false });
    } catch (e) {
      if (id === latest.current) setState((s) => ({ data: s.data, error: toApiError(e), loading: false }));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, operation, key]);

  useEffect(() => {
    if (options.skip) return;
    void run();
    return () => {
      latest.current++;
    };
  }, [run, options.skip]);

  const setData = useCallback((data: R) => {
    latest.current++;
    setState({ data, loading: false });
  }, []);

  return { data: state.data, error: state.error, loading: state.loading, refetch: run, setData };
}

/** useSubscription keeps one subscription open while mounted; onData always sees the latest closure. */
export function useSubscription<R, V>(
  operation: Operation<R, V>,
  variables: V,
  onData: (data: R) => void,
  options: { skip?: boolean } = {},
) {
  const client = useApi();
  const key = JSON.stringify(variables ?? {});
  const handler = useRef(onData);
  handler.current = onData;
  useEffect(() => {
    if (options.skip) return;
    return client.subscribe(operation, JSON.parse(key) as V, { next: (d) => handler.current(d) });
  }, [client, operation, key, options.skip]);
}

/** useReconnect calls listener after the live-update socket recovered from a drop. */
export function useReconnect(listener: () => void) {
  const client = useApi();
  const handler = useRef(listener);
  handler.current = listener;
  useEffect(() => client.onReconnect(() => handler.current()), [client]);
}
