import { createClient, type Client, type ClientOptions } from 'graphql-ws/client';
import { createClient as createSseClient, NetworkError } from 'graphql-sse';

/** NetworkError is graphql-sse's failure of a stream (no answer, or not a stream): for fakes in tests. */
export { NetworkError };

/** LiveSocket is a graphql-ws client (graphql-transport-ws protocol). */
export type LiveSocket = Client;

/** LiveSocketOptions configures createLiveSocket; everything else is the apps' shared policy. */
export interface LiveSocketOptions {
  /** url of the graphql-ws endpoint (ws: or wss:). */
  url: string;
  /** webSocketImpl for runtimes without a global WebSocket (Node 20). */
  webSocketImpl?: unknown;
  /** connectionParams for connection_init, e.g. the case token; the backoffice's cookie needs none. */
  connectionParams?: ClientOptions['connectionParams'];
  /** lazyCloseTimeout keeps the socket this long after the last subscription ended (ms). */
  lazyCloseTimeout?: number;
  on?: ClientOptions['on'];
  /** lazy false connects at once (a probe); default true: with the first subscription. */
  lazy?: boolean;
  /** retryAttempts default: forever. */
  retryAttempts?: number;
  onNonLazyError?: ClientOptions['onNonLazyError'];
}

/**
 * createLiveSocket is the one graphql-ws client factory of the apps (the KYC app through the SDK's
 * transport, and the backoffice). The socket opens with the first subscription, pings every 15 s
 * so idle proxies keep it, and is retried forever: a dropped connection (a phone going through a
 * tunnel, a laptop that slept, a server restart) is the normal case, not a failure.
 */
export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  return createClient({
    ...options,
    lazy: options.lazy ?? true,
    keepAlive: 15_000,
    retryAttempts: options.retryAttempts ?? Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    // 0.5 s, 1 s, 2 s … capped at 10 s, with jitter so that replicas are not hit at once.
    retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries) * (0.5 + Math.random() / 2))),
  });
}

// ---- WebSocket → SSE → polling ----

/** LiveTransport is how live updates currently arrive. */
export type LiveTransport = 'websocket' | 'sse' | 'polling';

/** LivePayload is one operation. */
export interface LivePayload {
  query: string;
  variables?: Record<string, unknown>;
}

/** LiveResult is what a subscription delivers: data, or errors the server answered. */
export interface LiveResult {
  data?: unknown;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** LiveSink receives one subscription's results. */
export interface LiveSink {
  next(result: LiveResult): void;
  /** error: the server refused (a close code 44xx, a 4xx answer) or the operation failed. */
  error(err: unknown): void;
  complete(): void;
}

/** LiveBackend is one transport's client: graphql-ws or graphql-sse (or a fake in tests). */
export interface LiveBackend {
  subscribe(payload: LivePayload, sink: LiveSink): () => void;
  dispose(): void;
}

/** WebSocketEvents is what a WebSocket backend reports to the channel. */
export interface WebSocketEvents {
  /** connected: connection_ack arrived. */
  connected(): void;
  /** closed: the socket closed (code when the server or browser gave one) or could not open. */
  closed(code?: number): void;
}

/** SseEvents is what an SSE backend reports: a stream opened (the server answered 200). */
export interface SseEvents {
  opened(): void;
}

/** LiveChannelOptions configures createLiveChannel. */
export interface LiveChannelOptions {
  /** wsUrl of the graphql-ws endpoint (ws: or wss:). */
  wsUrl: string;
  /** sseUrl of the GraphQL endpoint over HTTP (http: or https:), for graphql-sse. */
  sseUrl: string;
  webSocketImpl?: unknown;
  /** connectionParams for the WebSocket's connection_init (the case token). */
  connectionParams?: ClientOptions['connectionParams'];
  /** headers for each SSE request (the case token as Authorization). */
  headers?: () => Record<string, string>;
  /** credentials of SSE requests: 'same-origin' (default) sends the reviewer's cookie. */
  credentials?: RequestCredentials;
  fetchFn?: typeof fetch;
  lazyCloseTimeout?: number;
  /** wsTimeout: a WebSocket that has not been acknowledged after this long is given up (ms, default 4000). */
  wsTimeout?: number;
  on?: {
    /** connecting: a transport is being tried. */
    connecting?(): void;
    /** connected: live updates flow; wasRetry after a drop or a change of transport (events may have been missed). */
    connected?(wasRetry: boolean): void;
    /** transport: how updates arrive now; everySeconds is the polling interval ('polling' only). */
    transport?(transport: LiveTransport, everySeconds: number | null): void;
    /** poll: in polling mode, time to re-read what is shown. */
    poll?(): void;
  };
  /** Test seams: the transports' clients. */
  createWebSocket?: (events: WebSocketEvents, probe: boolean) => LiveBackend;
  createSse?: (events: SseEvents) => LiveBackend;
}

/** LiveChannel runs subscriptions over the best transport that works. */
export interface LiveChannel {
  subscribe(payload: LivePayload, sink: LiveSink): () => void;
  /** transport is how updates arrive now; null before the first one worked. */
  readonly transport: LiveTransport | null;
  dispose(): void;
}

/** Polling (a last resort): every 3 s, then longer while nothing works, at most 30 s. */
const POLL_FIRST_S = 3;
const POLL_MAX_S = 30;
/** A WebSocket given up is tried again after 15 s, then 30 s, … at most 2 min. */
const PROBE_FIRST_MS = 15_000;
const PROBE_MAX_MS = 120_000;

/** isServerAnswer: an SSE failure that is the server's refusal (4xx), not a transport failure. */
function isServerAnswer(err: unknown): boolean {
  const status = err instanceof NetworkError ? err.response?.status : undefined;
  if (status !== undefined) return status >= 400 && status < 500;
  return !(err instanceof NetworkError);
}

/** isProtocolClose: a WebSocket close the server chose (4400–4499), i.e. the socket works. */
const isProtocolClose = (code?: number) => code !== undefined && code >= 4400 && code < 4500;

function defaultWebSocket(o: LiveChannelOptions, events: WebSocketEvents, probe: boolean): LiveBackend {
  const client = createLiveSocket({
    url: o.wsUrl,
    webSocketImpl: o.webSocketImpl,
    connectionParams: o.connectionParams,
    lazyCloseTimeout: o.lazyCloseTimeout,
    lazy: !probe,
    retryAttempts: probe ? 0 : undefined,
    onNonLazyError: () => undefined,
    on: {
      connected: () => events.connected(),
      // A socket that cannot open reports an error (then perhaps a close): either is a failure.
      error: () => events.closed(),
      closed: (e) => events.closed((e as { code?: number } | undefined)?.code),
    },
  });
  return {
    subscribe: (payload, sink) => client.subscribe(payload, sink as never),
    dispose: () => void Promise.resolve(client.dispose()).catch(() => undefined),
  };
}

function defaultSse(o: LiveChannelOptions, events: SseEvents): LiveBackend {
  const fetchFn = o.fetchFn ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const client = createSseClient({
    url: o.sseUrl,
    singleConnection: false,
    credentials: o.credentials ?? 'same-origin',
    headers: () => ({ 'GraphQL-Require-Preflight': '1', ...(o.headers?.() ?? {}) }),
    retryAttempts: 0, // the channel decides: SSE again, or polling
    fetchFn: async (...args: Parameters<typeof fetch>) => {
      const res = await fetchFn(...args);
      if (res.ok && res.headers.get('content-type')?.startsWith('text/event-stream')) events.opened();
      return res;
    },
  });
  return {
    subscribe: (payload, sink) => client.subscribe(payload, sink as never),
    dispose: () => client.dispose(),
  };
}

interface Entry {
  payload: LivePayload;
  sink: LiveSink;
  stop: (() => void) | null;
}

/**
 * createLiveChannel runs subscriptions over a WebSocket (graphql-transport-ws) when it can,
 * over Server-Sent Events (graphql-sse) when the WebSocket cannot connect (blocked by a proxy:
 * an error or close before the acknowledgement, or none within wsTimeout), and as a last resort
 * asks the caller to poll (on.poll, every 3 s growing to 30 s) while it keeps trying SSE and,
 * in the background, the WebSocket again. A close or answer the server chose (4401, 429…) is
 * passed to the subscription's sink, never taken for a blocked transport.
 */
export function createLiveChannel(o: LiveChannelOptions): LiveChannel {
  const wsTimeout = o.wsTimeout ?? 4_000;
  const makeWs = o.createWebSocket ?? ((events, probe) => defaultWebSocket(o, events, probe));
  const makeSse = o.createSse ?? ((events) => defaultSse(o, events));
  const entries = new Set<Entry>();
  let mode: LiveTransport | null = null;
  let backend: { kind: 'websocket' | 'sse'; b: LiveBackend } | null = null;
  let everConnected = false;
  let wsBlocked = false;
  let probeMs = PROBE_FIRST_MS;
  let pollS = POLL_FIRST_S;
  let disposed = false;
  let wsTimer: ReturnType<typeof setTimeout> | null = null;
  let probeTimer: ReturnType<typeof setTimeout> | null = null;
  let sseTimer: ReturnType<typeof setTimeout> | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let probe: LiveBackend | null = null;

  const clear = (t: ReturnType<typeof setTimeout> | null) => {
    if (t) clearTimeout(t);
    return null;
  };

  function setMode(m: LiveTransport) {
    const every = m === 'polling' ? pollS : null;
    mode = m;
    o.on?.transport?.(m, every);
  }

  function live() {
    const wasRetry = everConnected;
    everConnected = true;
    pollTimer = clear(pollTimer);
    pollS = POLL_FIRST_S;
    o.on?.connected?.(wasRetry);
  }

  function attach(e: Entry) {
    const cur = backend;
    if (!cur) return;
    e.stop = cur.b.subscribe(e.payload, {
      next: (r) => backend === cur && e.sink.next(r),
      complete: () => {
        if (backend !== cur) return;
        entries.delete(e);
        e.sink.complete();
      },
      error: (err) => {
        if (backend !== cur) return;
        if (cur.kind === 'sse' && !isServerAnswer(err)) return sseFailed();
        if (cur.kind === 'websocket' && !isProtocolClose((err as { code?: number } | null)?.code) && !Array.isArray(err)) {
          return; // the socket retries by itself; `closed` decides about falling back
        }
        entries.delete(e);
        e.sink.error(err);
      },
    });
  }

  function detachAll() {
    for (const e of entries) {
      const stop = e.stop;
      e.stop = null;
      try {
        stop?.();
      } catch {
        // a transport already gone
      }
    }
    backend?.b.dispose();
    backend = null;
  }

  function start() {
    if (disposed || backend || !entries.size) return;
    o.on?.connecting?.();
    if (wsBlocked) openSse();
    else openWebSocket();
  }

  function openWebSocket() {
    let acked = false;
    const cur: { kind: 'websocket'; b: LiveBackend } = {
      kind: 'websocket',
      b: makeWs(
        {
          connected: () => {
            if (backend !== cur) return;
            acked = true;
            wsTimer = clear(wsTimer);
            probeMs = PROBE_FIRST_MS;
            setMode('websocket');
            live();
          },
          closed: (code) => {
            if (backend !== cur || isProtocolClose(code)) return;
            if (!acked) return wsFailed();
            // A drop after it worked: graphql-ws retries; give up if that does not come back.
            acked = false;
            o.on?.connecting?.();
            wsTimer = clear(wsTimer);
            wsTimer = setTimeout(() => backend === cur && !acked && wsFailed(), wsTimeout);
          },
        },
        false,
      ),
    };
    backend = cur;
    for (const e of entries) attach(e);
    wsTimer = clear(wsTimer);
    wsTimer = setTimeout(() => backend === cur && !acked && wsFailed(), wsTimeout);
  }

  function wsFailed() {
    wsTimer = clear(wsTimer);
    detachAll();
    wsBlocked = true;
    scheduleProbe();
    openSse();
  }

  function openSse() {
    let opened = false;
    const cur: { kind: 'sse'; b: LiveBackend } = {
      kind: 'sse',
      b: makeSse({
        opened: () => {
          if (backend !== cur || opened) return;
          opened = true;
          sseTimer = clear(sseTimer);
          setMode('sse');
          live();
        },
      }),
    };
    backend = cur;
    for (const e of entries) attach(e);
  }

  /** sseFailed: a stream could not open or broke; retry SSE (at once if it worked), else poll. */
  function sseFailed() {
    const wasLive = mode === 'sse';
    detachAll();
    if (disposed || !entries.size) return;
    sseTimer = clear(sseTimer);
    if (wasLive) {
      // It worked a moment ago (a drained server, a dropped network): reconnect now.
      o.on?.connecting?.();
      mode = null;
      sseTimer = setTimeout(() => {
        sseTimer = null;
        if (!backend) openSse();
      }, 500 + Math.random() * 500);
      return;
    }
    startPolling();
    sseTimer = setTimeout(() => {
      sseTimer = null;
      if (!backend) openSse();
    }, pollS * 1000);
  }

  function startPolling() {
    if (mode !== 'polling') {
      setMode('polling');
      schedulePoll();
    }
  }

  function schedulePoll() {
    pollTimer = clear(pollTimer);
    pollTimer = setTimeout(() => {
      pollTimer = null;
      if (mode !== 'polling' || disposed) return;
      o.on?.poll?.();
      pollS = Math.min(POLL_MAX_S, Math.round(pollS * 1.5));
      setMode('polling');
      schedulePoll();
    }, pollS * 1000);
  }

  /** scheduleProbe tries the WebSocket again in the background; when it connects, it takes over. */
  function scheduleProbe() {
    probeTimer = clear(probeTimer);
    probeTimer = setTimeout(() => {
      probeTimer = null;
      if (disposed || mode === 'websocket') return;
      if (!entries.size) {
        wsBlocked = false; // the next subscription tries the WebSocket first
        return;
      }
      probe?.dispose();
      let settled = false;
      const p = makeWs(
        {
          connected: () => {
            if (settled || probe !== p) return;
            settled = true;
            p.dispose();
            probe = null;
            // The WebSocket works again: move every subscription onto it.
            sseTimer = clear(sseTimer);
            pollTimer = clear(pollTimer);
            wsBlocked = false;
            probeMs = PROBE_FIRST_MS;
            detachAll();
            openWebSocket();
          },
          closed: (code) => {
            if (settled || probe !== p) return;
            settled = true;
            p.dispose();
            probe = null;
            if (isProtocolClose(code)) return; // the server answered: it is reachable, the next probe decides
            probeMs = Math.min(PROBE_MAX_MS, probeMs * 2);
            scheduleProbe();
          },
        },
        true,
      );
      probe = p;
    }, probeMs);
  }

  return {
    get transport() {
      return mode;
    },
    subscribe(payload, sink) {
      const e: Entry = { payload, sink, stop: null };
      entries.add(e);
      if (backend) attach(e);
      else if (mode === 'polling') {
        // Waiting to retry SSE; the new subscription joins then.
      } else start();
      return () => {
        entries.delete(e);
        const stop = e.stop;
        e.stop = null;
        stop?.();
      };
    },
    dispose() {
      disposed = true;
      wsTimer = clear(wsTimer);
      probeTimer = clear(probeTimer);
      sseTimer = clear(sseTimer);
      pollTimer = clear(pollTimer);
      probe?.dispose();
      probe = null;
      detachAll();
      entries.clear();
    },
  };
}
