import { createClient, type Client, type ClientOptions } from 'graphql-ws/client';

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
    lazy: true,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    // 0.5 s, 1 s, 2 s … capped at 10 s, with jitter so that replicas are not hit at once.
    retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries) * (0.5 + Math.random() / 2))),
  });
}
