import { KycError } from '@kyc/sdk/errors';
import { NetworkError } from '@kyc/sdk/socket';
import { describe, expect, it, vi } from 'vitest';
import { MeQuery } from '../features/auth/api/session';
import { CaseFeedSubscription } from '../features/cases/api/list-cases';
import { createHttpClient, defaultSocket } from './api-client';
import { errorMessage } from './error-copy';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createHttpClient', () => {
  it('posts the document as JSON with the cookie and the CSRF preflight header', async () => {
    const fetch = vi.fn(async () => json({ data: { me: null } }));
    const client = createHttpClient({ url: '/graphql', fetch });
    await expect(client.execute(MeQuery, {})).resolves.toEqual({ me: null });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['GraphQL-Require-Preflight']).toBe('1');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    const body = JSON.parse(init.body as string);
    expect(body.query).toContain('query Me');
    expect(body.variables).toEqual({});
  });

  it('turns GraphQL errors into a KycError with the extensions code', async () => {
    const fetch = vi.fn(async () => json({ errors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }], data: null }));
    const client = createHttpClient({ fetch });
    const err = await client.execute(MeQuery, {}).catch((e) => e);
    expect(err).toBeInstanceOf(KycError);
    expect(err.code).toBe('CONFLICT');
    expect(errorMessage(err)).toMatch(/changed while you were looking/);
  });

  it('maps unknown codes to INTERNAL and network failures to NETWORK', async () => {
    const odd = createHttpClient({ fetch: async () => json({ errors: [{ message: 'x', extensions: { code: 'WHAT' } }] }) });
    expect((await odd.execute(MeQuery, {}).catch((e) => e)).code).toBe('INTERNAL');
    const down = createHttpClient({ fetch: async () => { throw new TypeError('Failed to fetch'); } });
    expect((await down.execute(MeQuery, {}).catch((e) => e)).code).toBe('NETWORK');
    const html = createHttpClient({ fetch: async () => new Response('<html>', { status: 502 }) });
    expect((await html.execute(MeQuery, {}).catch((e) => e)).code).toBe('INTERNAL');
  });

  it('tells listeners when the server says UNAUTHENTICATED', async () => {
    const client = createHttpClient({ fetch: async () => json({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }) });
    const listener = vi.fn();
    client.onUnauthenticated(listener);
    await client.execute(MeQuery, {}).catch(() => {});
    expect(listener).toHaveBeenCalledOnce();
  });

  it('tells listeners when the server closes the socket because the session ended (4401)', () => {
    const client = createHttpClient({
      createSocket: () => ({
        subscribe: vi.fn((_payload, sink) => { sink.error({ code: 4401, reason: 'Session ended' }); return () => {}; }),
        dispose: vi.fn(),
      }),
      wsUrl: 'ws://example.test/graphql',
    });
    const listener = vi.fn();
    client.onUnauthenticated(listener);
    const error = vi.fn();
    client.subscribe(CaseFeedSubscription, {}, { next: vi.fn(), error });
    expect(listener).toHaveBeenCalledOnce();
    expect(error.mock.calls[0][0].code).toBe('UNAUTHENTICATED');
  });

  it('tells listeners of a 4401 close also when the subscriber has no error handler (the screens have none)', () => {
    const client = createHttpClient({
      createSocket: () => ({
        subscribe: vi.fn((_payload, sink) => { sink.error({ code: 4401, reason: 'Reviewer deactivated' }); return () => {}; }),
        dispose: vi.fn(),
      }),
      wsUrl: 'ws://example.test/graphql',
    });
    const listener = vi.fn();
    client.onUnauthenticated(listener);
    client.subscribe(CaseFeedSubscription, {}, { next: vi.fn() });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('subscribes over one socket, reports reconnects and opens a new socket after reset', () => {
    const sockets: { url: string; reconnect: () => void; subscribe: ReturnType<typeof vi.fn>; dispose: ReturnType<typeof vi.fn> }[] = [];
    const client = createHttpClient({
      url: '/graphql',
      wsUrl: 'ws://example.test/graphql',
      createSocket: (url, reconnect) => {
        const s = { url, reconnect, subscribe: vi.fn((_payload, sink) => { sink.next({ data: { caseFeed: { id: 'e1' } } }); return () => {}; }), dispose: vi.fn() };
        sockets.push(s);
        return s;
      },
    });
    const next = vi.fn();
    client.subscribe(CaseFeedSubscription, {}, { next });
    client.subscribe(CaseFeedSubscription, {}, { next });
    expect(sockets).toHaveLength(1);
    expect(sockets[0].url).toBe('ws://example.test/graphql');
    expect(next).toHaveBeenCalledWith({ caseFeed: { id: 'e1' } });
    const onReconnect = vi.fn();
    client.onReconnect(onReconnect);
    sockets[0].reconnect();
    expect(onReconnect).toHaveBeenCalledOnce();
    client.resetSocket();
    expect(sockets[0].dispose).toHaveBeenCalled();
    client.subscribe(CaseFeedSubscription, {}, { next });
    expect(sockets).toHaveLength(2);
  });

  it('tells listeners when an SSE stream ends with UNAUTHENTICATED (the session ended)', () => {
    const client = createHttpClient({
      createSocket: () => ({
        subscribe: vi.fn((_payload, sink) => {
          sink.next({ errors: [{ message: 'Session ended', extensions: { code: 'UNAUTHENTICATED' } }] });
          sink.complete();
          return () => {};
        }),
        dispose: vi.fn(),
      }),
      wsUrl: 'ws://example.test/graphql',
    });
    const listener = vi.fn();
    client.onUnauthenticated(listener);
    client.subscribe(CaseFeedSubscription, {}, { next: vi.fn() });
    expect(listener).toHaveBeenCalledOnce();
  });
});

describe('defaultSocket: WebSocket → SSE → polling', () => {
  it('falls back to SSE, then refetches what is on screen on each poll, and after SSE comes back', () => {
    vi.useFakeTimers();
    try {
      type Sub = { sink: { next(r: unknown): void; error(e: unknown): void; complete(): void } };
      const ws: { events: { connected(): void; closed(code?: number): void }; subs: Sub[] }[] = [];
      const sse: { events: { opened(): void }; subs: Sub[] }[] = [];
      const onReconnect = vi.fn();
      const channel = defaultSocket('ws://example.test/graphql', onReconnect, {
        createWebSocket: (events) => {
          const b = { events, subs: [] as Sub[] };
          ws.push(b);
          return { subscribe: (_p, sink) => (b.subs.push({ sink }), () => {}), dispose: () => {} };
        },
        createSse: (events) => {
          const b = { events, subs: [] as Sub[] };
          sse.push(b);
          return { subscribe: (_p, sink) => (b.subs.push({ sink }), () => {}), dispose: () => {} };
        },
      });
      const next = vi.fn();
      channel.subscribe({ query: 'subscription { caseFeed { id } }' }, { next, error: vi.fn(), complete: vi.fn() });
      ws[0].events.closed(1006); // blocked by a proxy
      expect(sse).toHaveLength(1);
      sse[0].subs[0].sink.error(new NetworkError('Failed to fetch'));
      expect(channel.transport).toBe('polling');
      vi.advanceTimersByTime(3_000);
      expect(onReconnect).toHaveBeenCalledTimes(1); // the poll: refetch
      sse[1].events.opened();
      expect(channel.transport).toBe('sse');
      expect(onReconnect).toHaveBeenCalledTimes(1); // the first live connection: the poll just read everything
      sse[1].subs[0].sink.next({ data: { caseFeed: { id: 'e1' } } });
      expect(next).toHaveBeenCalledWith({ data: { caseFeed: { id: 'e1' } } });
      channel.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
