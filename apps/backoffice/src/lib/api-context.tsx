import {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  queryOptions,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { createContext, useContext, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react';
import { toKycError, type KycError } from '@kyc/sdk/errors';
import type { ApiClient, Operation } from './api-client';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query function below rejects with an KycError (see apiQuery).
    defaultError: KycError;
  }
}

const ApiContext = createContext<ApiClient | null>(null);

/**
 * newQueryClient is the cache the screens share. It keeps the app's behaviour as it was
 * before the cache: no automatic retries (a failure shows at once, with "Try again"), no
 * refetch on window focus or on the browser's online event (the live socket's reconnect
 * refetches instead, see ApiProvider), and requests go out even when the browser thinks
 * it is offline, so the reviewer sees the NETWORK error rather than a silent pause.
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/**
 * ApiProvider gives the screens the ApiClient and a query cache. After the live-update socket
 * came back from a drop, events may have been missed: every query on screen is refetched.
 */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const [queryClient] = useState(newQueryClient);
  useEffect(() => client.onReconnect(() => void queryClient.invalidateQueries()), [client, queryClient]);
  return (
    <ApiContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider>');
  return client;
}

/** operationName reads "Foo" from "query Foo", "mutation Foo" or "subscription Foo". */
export function operationName(operation: { toString(): string }): string {
  const m = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(operation.toString());
  if (!m) throw new Error('anonymous GraphQL operation');
  return m[1];
}

/** apiKey is an operation's cache key: its name and variables, e.g. ['GetCase', { id }]. */
export function apiKey<R, V>(operation: Operation<R, V>, variables: V) {
  return [operationName(operation), variables ?? {}] as const;
}

/** apiQuery is the query options for an operation, with the ApiClient as the query function. */
export function apiQuery<R, V>(client: ApiClient, operation: Operation<R, V>, variables: V) {
  return queryOptions<R, KycError>({
    queryKey: apiKey(operation, variables),
    queryFn: () =>
      client.execute(operation, variables).catch((e: unknown) => {
        throw toKycError(e);
      }),
  });
}

/**
 * useApiQuery runs a query when mounted and whenever its variables change; the cache keys
 * answers by variables, so a superseded request never shows. keepPrevious keeps the last
 * answer on screen while the next variables load (filters, pages).
 */
export function useApiQuery<R, V>(operation: Operation<R, V>, variables: V, options: { keepPrevious?: boolean } = {}) {
  const client = useApi();
  return useQuery({ ...apiQuery(client, operation, variables), placeholderData: options.keepPrevious ? keepPreviousData : undefined });
}

/**
 * useApiData reads and writes an operation's cache entry outside rendering. set puts data in,
 * e.g. a mutation's or a subscription's answer; a request in flight for that entry is cancelled
 * first, so its (older) answer cannot overwrite the newer data.
 */
export function useApiData<R, V>(operation: Operation<R, V>, variables: V) {
  const queryClient = useQueryClient();
  const key = JSON.stringify(apiKey(operation, variables));
  return useMemo(() => {
    const queryKey = JSON.parse(key) as readonly unknown[];
    return {
      get: () => queryClient.getQueryData<R>(queryKey),
      set: (data: R) => {
        void queryClient.cancelQueries({ queryKey, exact: true });
        queryClient.setQueryData(queryKey, data);
      },
    };
  }, [queryClient, key]);
}

/** useSubscription keeps one subscription open while mounted; onData always sees the latest closure. */
export function useSubscription<R, V>(operation: Operation<R, V>, variables: V, onData: (data: R) => void) {
  const client = useApi();
  const key = JSON.stringify(variables ?? {});
  const onEvent = useEffectEvent(onData);
  useEffect(
    () => client.subscribe(operation, JSON.parse(key) as V, { next: (d) => onEvent(d) }),
    [client, operation, key],
  );
}
