import { createLiveChannel, type LiveChannel, type LiveChannelOptions, type LiveTransport } from './socket';
import type { TypedDocumentString } from './gql/graphql';
import { fromGraphQLErrors, fromHttpStatus, KycError, toKycError, type GraphQLErrorLike } from './errors';

/** Document is a generated operation: its text plus its result and variable types. */
export type Document<TResult, TVariables> = TypedDocumentString<TResult, TVariables>;

/** ConnectionState is the health of the live-updates channel, for the UI to show. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export type { LiveTransport } from './socket';

/** SubscriptionSink receives a subscription's results and the channel's life events. */
export interface SubscriptionSink<TResult> {
  next(data: TResult): void;
  error(err: KycError): void;
  /** reconnected fires after a dropped connection came back: events may have been missed. */
  reconnected(): void;
  connection?(state: ConnectionState): void;
  /**
   * transport says how updates arrive: 'websocket' or 'sse' (live), or 'polling' when neither
   * connects (everySeconds apart; poll() asks for a re-read each time).
   */
  transport?(transport: LiveTransport, everySeconds: number | null): void;
  /** poll: in polling mode, re-read what the subscription would have delivered. */
  poll?(): void;
}

/**
 * Transport is everything the SDK needs from the network. The default speaks GraphQL over
 * HTTP (JSON and multipart) and graphql-ws; tests pass a fake.
 */
export interface Transport {
  /** request runs a query or mutation; it resolves with `data` or rejects with a KycError. */
  request<TResult, TVariables>(doc: Document<TResult, TVariables>, variables: TVariables, token: string | null): Promise<TResult>;
  /** upload runs a mutation whose variables hold a Blob, as a GraphQL multipart request. */
  upload<TResult, TVariables>(
    doc: Document<TResult, TVariables>,
    variables: TVariables,
    token: string | null,
    onProgress?: (fraction: number) => void,
  ): Promise<TResult>;
  /** subscribe starts a subscription and returns its stop function. */
  subscribe<TResult, TVariables>(
    doc: Document<TResult, TVariables>,
    variables: TVariables,
    token: string | null,
    sink: SubscriptionSink<TResult>,
  ): () => void;
  dispose?(): void;
}

/** HttpTransportOptions configures createHttpTransport. */
export interface HttpTransportOptions {
  /** url of the GraphQL endpoint, absolute or relative to the page. Default "/graphql". */
  url?: string;
  /** wsUrl of the graphql-ws endpoint. Default: url with ws(s):. */
  wsUrl?: string;
  /** webSocketImpl for runtimes without a global WebSocket (Node 20). */
  webSocketImpl?: unknown;
  /** fetchImpl for tests; default globalThis.fetch. */
  fetchImpl?: typeof fetch;
  /** wsTimeout: give the WebSocket up for SSE when not acknowledged after this long (ms, default 4000). */
  wsTimeout?: number;
  /** Test seams for the live channel's transports (see createLiveChannel). */
  createWebSocket?: LiveChannelOptions['createWebSocket'];
  createSse?: LiveChannelOptions['createSse'];
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorLike[];
}

function absolute(url: string, protocolFor?: 'ws'): string {
  const base = typeof location !== 'undefined' ? location.href : 'http://localhost/';
  const u = new URL(url, base);
  if (protocolFor === 'ws') u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

function authHeaders(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function parseResponse<T>(status: number, text: string): T {
  let body: GraphQLResponse<T> | undefined;
  try {
    body = JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw fromHttpStatus(status, status === 200 ? 'The server sent an unreadable answer.' : text.slice(0, 200));
  }
  if (body.errors?.length) throw fromGraphQLErrors(body.errors);
  if (status < 200 || status >= 300 || body.data == null) throw fromHttpStatus(status, text.slice(0, 200));
  return body.data;
}

/** extractFiles replaces every Blob in variables by null and returns the spec's path of each. */
export function extractFiles(variables: unknown): { clone: unknown; files: Array<[path: string, file: Blob]> } {
  const files: Array<[string, Blob]> = [];
  const walk = (value: unknown, path: string): unknown => {
    if (typeof Blob !== 'undefined' && value instanceof Blob) {
      files.push([path, value]);
      return null;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}.${i}`));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, `${path}.${k}`)]));
    }
    return value;
  };
  return { clone: walk(variables, 'variables'), files };
}

/** createHttpTransport is the production Transport: fetch for JSON, XHR for uploads (progress), graphql-ws. */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const url = options.url ?? '/graphql';
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  let ws: { token: string | null; client: LiveChannel; sinks: Set<SubscriptionSink<unknown>> } | null = null;

  // One live channel per token: WebSocket, else SSE, else polling (see createLiveChannel).
  function wsFor(token: string | null) {
    if (ws && ws.token === token) return ws;
    ws?.client.dispose();
    const sinks = new Set<SubscriptionSink<unknown>>();
    const emit = (state: ConnectionState) => sinks.forEach((s) => s.connection?.(state));
    let everConnected = false;
    const client = createLiveChannel({
      wsUrl: absolute(options.wsUrl ?? url, options.wsUrl ? undefined : 'ws'),
      sseUrl: absolute(url),
      webSocketImpl: options.webSocketImpl,
      fetchFn: options.fetchImpl,
      wsTimeout: options.wsTimeout,
      createWebSocket: options.createWebSocket,
      createSse: options.createSse,
      connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}),
      headers: () => authHeaders(token),
      on: {
        connecting: () => emit(everConnected ? 'reconnecting' : 'connecting'),
        connected: (wasRetry) => {
          emit('connected');
          if (wasRetry || everConnected) sinks.forEach((s) => s.reconnected());
          everConnected = true;
        },
        transport: (t, every) => {
          sinks.forEach((s) => s.transport?.(t, every));
          if (t === 'polling') emit(everConnected ? 'reconnecting' : 'connecting');
        },
        poll: () => sinks.forEach((s) => s.poll?.()),
      },
    });
    ws = { token, client, sinks };
    return ws;
  }

  return {
    async request(doc, variables, token) {
      let res: Response;
      try {
        res = await fetchImpl(absolute(url), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/graphql-response+json, application/json',
            ...authHeaders(token),
          },
          body: JSON.stringify({ query: doc.toString(), variables }),
        });
      } catch (err) {
        throw toKycError(err);
      }
      return parseResponse(res.status, await res.text());
    },

    upload(doc, variables, token, onProgress) {
      const { clone, files } = extractFiles(variables);
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: doc.toString(), variables: clone }));
      form.append('map', JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))));
      files.forEach(([, file], i) => form.append(String(i), file, file instanceof File ? file.name : `upload-${i}`));
      const headers: Record<string, string> = { 'GraphQL-Require-Preflight': '1', ...authHeaders(token) };

      if (typeof XMLHttpRequest === 'undefined') {
        // Node and other runtimes without XHR: no progress events, only start and end.
        onProgress?.(0);
        return fetchImpl(absolute(url), { method: 'POST', headers, body: form })
          .catch((err: unknown) => Promise.reject(toKycError(err)))
          .then(async (res) => {
            const data = parseResponse<never>(res.status, await res.text());
            onProgress?.(1);
            return data;
          });
      }

      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', absolute(url));
        for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
        xhr.setRequestHeader('Accept', 'application/graphql-response+json, application/json');
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
        };
        xhr.onload = () => {
          try {
            const data = parseResponse<never>(xhr.status, xhr.responseText);
            onProgress?.(1);
            resolve(data);
          } catch (err) {
            reject(toKycError(err));
          }
        };
        xhr.onerror = () => reject(new KycError('NETWORK', 'The upload could not reach the server.'));
        xhr.ontimeout = xhr.onerror;
        xhr.onabort = () => reject(new KycError('NETWORK', 'The upload was interrupted.'));
        onProgress?.(0);
        xhr.send(form);
      });
    },

    subscribe(doc, variables, token, sink) {
      const conn = wsFor(token);
      const s = sink as SubscriptionSink<unknown>;
      conn.sinks.add(s);
      const stop = conn.client.subscribe(
        { query: doc.toString(), variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            if (result.errors?.length) sink.error(fromGraphQLErrors(result.errors as GraphQLErrorLike[]));
            else if (result.data) sink.next(result.data as never);
          },
          error: (err) => {
            const status = (err as { response?: { status?: number } } | null)?.response?.status;
            if (Array.isArray(err)) sink.error(fromGraphQLErrors(err as GraphQLErrorLike[]));
            else if (typeof status === 'number') sink.error(fromHttpStatus(status, 'Live updates were refused.'));
            else if ((err as { code?: unknown } | null)?.code === 4401) sink.error(new KycError('UNAUTHENTICATED', 'Live updates ended: sign in again.'));
            else sink.error(err instanceof Error ? toKycError(err) : new KycError('NETWORK', 'Live updates were interrupted.'));
          },
          complete: () => undefined,
        },
      );
      return () => {
        conn.sinks.delete(s);
        stop();
      };
    },

    dispose() {
      ws?.client.dispose();
      ws = null;
    },
  };
}
