import { fromGraphQLErrors, KycError, type GraphQLErrorLike } from '@kyc/sdk/errors';
import { createLiveChannel, type LiveChannel, type LiveChannelOptions } from '@kyc/sdk/socket';

/**
 * A GraphQL document produced by codegen (documentMode 'string'): a string that carries its
 * result and variables types. Structural, so the generated class and test doubles both fit.
 */
export interface Operation<TResult, TVariables> {
  toString(): string;
  __apiType?: (variables: TVariables) => TResult;
}

// Failures are the SDK's KycError (its code list is the one copy of the server's error codes):
// import KycError and isKycError from '@kyc/sdk/errors'.

/** Sink receives the payloads of a subscription. */
export interface Sink<T> {
  next(data: T): void;
  error?(error: KycError): void;
}

/** ApiClient is everything the app needs from the server; tests pass a fake. */
export interface ApiClient {
  execute<R, V>(operation: Operation<R, V>, variables?: V): Promise<R>;
  subscribe<R, V>(operation: Operation<R, V>, variables: V, sink: Sink<R>): () => void;
  /** onReconnect fires after the subscription socket came back from a drop: refetch what you show. */
  onReconnect(listener: () => void): () => void;
  /** onUnauthenticated fires whenever the server answers UNAUTHENTICATED. */
  onUnauthenticated(listener: () => void): () => void;
  /** resetSocket closes the subscription socket, e.g. after sign-in or sign-out changed the cookie. */
  resetSocket(): void;
}

export interface HttpClientOptions {
  url?: string;
  wsUrl?: string;
  fetch?: typeof fetch;
  createSocket?: (url: string, onReconnect: () => void) => Pick<LiveChannel, 'subscribe' | 'dispose'>;
}

function defaultWsUrl(url: string): string {
  const abs = new URL(url, window.location.href);
  abs.protocol = abs.protocol === 'https:' ? 'wss:' : 'ws:';
  return abs.toString();
}

/**
 * defaultSocket is the SDK's live channel: the WebSocket, else Server-Sent Events (a proxy that
 * blocks WebSockets), else polling. After a drop, a change of transport, or each poll, every
 * query on screen is refetched (onReconnect), so the lists and the open case stay current.
 */
export function defaultSocket(url: string, onReconnect: () => void, seams?: Pick<LiveChannelOptions, 'createWebSocket' | 'createSse'>) {
  return createLiveChannel({
    ...seams,
    wsUrl: url,
    sseUrl: url.replace(/^ws/, 'http'), // ws: → http:, wss: → https:
    credentials: 'same-origin', // the session cookie
    // Keep the socket across a screen change (list → case), so no event falls in between.
    lazyCloseTimeout: 5_000,
    on: {
      connected: (wasRetry) => {
        if (wasRetry) onReconnect();
      },
      poll: onReconnect,
    },
  });
}

/**
 * createHttpClient talks to the same-origin server: JSON over POST for queries and mutations
 * (the session cookie authenticates), graphql-ws for subscriptions (or graphql-sse, or polling,
 * where WebSockets do not get through).
 */
export function createHttpClient(options: HttpClientOptions = {}): ApiClient {
  const url = options.url ?? '/graphql';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const createSocket = options.createSocket ?? ((u: string, r: () => void) => defaultSocket(u, r));
  const reconnectListeners = new Set<() => void>();
  const unauthListeners = new Set<() => void>();
  let socket: ReturnType<typeof createSocket> | null = null;

  const fail = (error: KycError) => {
    if (error.code === 'UNAUTHENTICATED') unauthListeners.forEach((l) => l());
    return error;
  };

  const getSocket = () => {
    socket ??= createSocket(options.wsUrl ?? defaultWsUrl(url), () => reconnectListeners.forEach((l) => l()));
    return socket;
  };

  return {
    async execute(operation, variables) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/graphql-response+json, application/json',
            'GraphQL-Require-Preflight': '1',
          },
          body: JSON.stringify({ query: operation.toString(), variables: variables ?? {} }),
        });
      } catch {
        throw new KycError('NETWORK', 'The server cannot be reached. Check your connection and try again.');
      }
      let body: { data?: unknown; errors?: GraphQLErrorLike[] };
      try {
        body = await response.json();
      } catch {
        throw fail(new KycError(response.status >= 500 || response.ok ? 'INTERNAL' : 'BAD_USER_INPUT',
          `The server answered ${response.status} without a GraphQL response.`));
      }
      if (body.errors?.length) throw fail(fromGraphQLErrors(body.errors));
      if (body.data == null) throw new KycError('INTERNAL', 'The server answered without data.');
      return body.data as never;
    },

    subscribe(operation, variables, sink) {
      return getSocket().subscribe(
        { query: operation.toString(), variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            if (result.errors?.length) {
              // fail() first, also without an error handler: an SSE stream ends with
              // UNAUTHENTICATED when the session does (`sink.error?.(fail(…))` would skip it).
              const error = fail(fromGraphQLErrors(result.errors as GraphQLErrorLike[]));
              sink.error?.(error);
            } else if (result.data) sink.next(result.data as never);
          },
          error: (err) => {
            // fail() runs first, also for a sink without an error handler (the screens' live
            // updates have none): the session must hear of UNAUTHENTICATED either way.
            let error: KycError;
            if (Array.isArray(err)) error = fail(fromGraphQLErrors(err));
            // 4401: the server closed the socket because the session ended (a logout in
            // another tab, expiry, the reviewer deactivated): sign in again, as for an
            // UNAUTHENTICATED answer.
            else if ((err as { code?: unknown } | null)?.code === 4401)
              error = fail(new KycError('UNAUTHENTICATED', 'Your session has ended. Sign in again.', { answered: true }));
            else error = new KycError('NETWORK', 'Live updates were interrupted.');
            sink.error?.(error);
          },
          complete: () => {},
        },
      );
    },

    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },

    onUnauthenticated(listener) {
      unauthListeners.add(listener);
      return () => unauthListeners.delete(listener);
    },

    resetSocket() {
      const old = socket;
      socket = null;
      void old?.dispose();
    },
  };
}
