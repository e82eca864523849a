import { NetworkError } from 'graphql-sse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveChannel, type LiveBackend, type LivePayload, type LiveSink, type SseEvents, type WebSocketEvents } from './socket';

// Fakes of the two transports: each records its subscriptions, and the test plays the network.
class FakeBackend implements LiveBackend {
  subs = new Map<number, { payload: LivePayload; sink: LiveSink; stopped: boolean }>();
  disposed = false;
  private n = 0;
  subscribe(payload: LivePayload, sink: LiveSink) {
    const id = ++this.n;
    const sub = { payload, sink, stopped: false };
    this.subs.set(id, sub);
    return () => {
      sub.stopped = true;
    };
  }
  dispose() {
    this.disposed = true;
  }
  live() {
    return [...this.subs.values()].filter((s) => !s.stopped);
  }
  push(data: unknown) {
    this.live().forEach((s) => s.sink.next({ data }));
  }
  fail(err: unknown) {
    this.live().forEach((s) => s.sink.error(err));
  }
}
class FakeWs extends FakeBackend {
  constructor(
    public events: WebSocketEvents,
    public probe: boolean,
  ) {
    super();
  }
}
class FakeSse extends FakeBackend {
  constructor(public events: SseEvents) {
    super();
  }
}

function setup() {
  const ws: FakeWs[] = [];
  const sse: FakeSse[] = [];
  const log: string[] = [];
  const received: unknown[] = [];
  const errors: unknown[] = [];
  const channel = createLiveChannel({
    wsUrl: 'ws://api.test/graphql',
    sseUrl: 'http://api.test/graphql',
    createWebSocket: (events, probe) => {
      const b = new FakeWs(events, probe);
      ws.push(b);
      return b;
    },
    createSse: (events) => {
      const b = new FakeSse(events);
      sse.push(b);
      return b;
    },
    on: {
      connected: (wasRetry) => log.push(`connected${wasRetry ? ' (retry)' : ''}`),
      transport: (t, every) => log.push(every ? `${t} ${every}s` : t),
      poll: () => log.push('poll'),
    },
  });
  const stop = channel.subscribe(
    { query: 'subscription { caseUpdated(caseId: "1") { id } }' },
    { next: (r) => received.push(r.data), error: (e) => errors.push(e), complete: () => log.push('complete') },
  );
  return { channel, ws, sse, log, received, errors, stop };
}

describe('createLiveChannel: WebSocket → SSE → polling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays on the WebSocket when it is acknowledged', () => {
    const t = setup();
    t.ws[0].events.connected();
    t.ws[0].push({ n: 1 });
    vi.advanceTimersByTime(60_000);
    expect(t.channel.transport).toBe('websocket');
    expect(t.sse).toHaveLength(0);
    expect(t.received).toEqual([{ n: 1 }]);
    expect(t.log).toEqual(['websocket', 'connected']);
  });

  it('falls back to SSE when the WebSocket closes before its acknowledgement', () => {
    const t = setup();
    t.ws[0].events.closed(1006);
    expect(t.ws[0].disposed).toBe(true);
    expect(t.sse).toHaveLength(1);
    expect(t.sse[0].live()[0].payload.query).toContain('caseUpdated');
    t.sse[0].events.opened();
    t.sse[0].push({ n: 2 });
    expect(t.channel.transport).toBe('sse');
    expect(t.received).toEqual([{ n: 2 }]);
    expect(t.log).toEqual(['sse', 'connected']);
  });

  it('falls back to SSE when the WebSocket is not acknowledged within 4 s', () => {
    const t = setup();
    vi.advanceTimersByTime(3_900);
    expect(t.sse).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(t.sse).toHaveLength(1);
    expect(t.ws[0].live()).toHaveLength(0);
  });

  it('polls with backoff when SSE fails too, and goes back to SSE when it opens', () => {
    const t = setup();
    t.ws[0].events.closed(1006);
    t.sse[0].fail(new NetworkError('Failed to fetch'));
    expect(t.channel.transport).toBe('polling');
    expect(t.log).toEqual(['polling 3s']);
    vi.advanceTimersByTime(3_000);
    expect(t.log).toContain('poll');
    expect(t.log.at(-1)).toBe('polling 5s'); // 3 s × 1.5, rounded
    expect(t.sse).toHaveLength(2); // SSE tried again
    t.sse[1].events.opened();
    expect(t.channel.transport).toBe('sse');
    expect(t.log.slice(-2)).toEqual(['sse', 'connected']);
    const polls = t.log.filter((l) => l === 'poll').length;
    vi.advanceTimersByTime(10_000);
    expect(t.log.filter((l) => l === 'poll').length).toBe(polls); // polling stopped
  });

  it('polling backs off to at most every 30 s', () => {
    const t = setup();
    t.ws[0].events.closed(1006);
    t.sse[0].fail(new NetworkError('Failed to fetch'));
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(30_000);
      t.sse.at(-1)!.fail(new NetworkError('Failed to fetch'));
      t.ws.filter((w) => w.probe && !w.disposed).forEach((w) => w.events.closed(1006));
    }
    expect(t.log.at(-1)).toBe('polling 30s');
  });

  it('keeps trying the WebSocket in the background and moves back to it', () => {
    const t = setup();
    t.ws[0].events.closed(1006);
    t.sse[0].events.opened();
    vi.advanceTimersByTime(15_000);
    const probe = t.ws[1];
    expect(probe.probe).toBe(true);
    probe.events.connected();
    expect(probe.disposed).toBe(true);
    expect(t.sse[0].disposed).toBe(true);
    const ws = t.ws[2];
    expect(ws.live()).toHaveLength(1);
    ws.events.connected();
    expect(t.channel.transport).toBe('websocket');
    expect(t.log.slice(-2)).toEqual(['websocket', 'connected (retry)']);
  });

  it('probes less often while the WebSocket stays blocked', () => {
    const t = setup();
    t.ws[0].events.closed(1006);
    t.sse[0].events.opened();
    vi.advanceTimersByTime(15_000);
    t.ws[1].events.closed(1006);
    vi.advanceTimersByTime(15_000);
    expect(t.ws).toHaveLength(2); // next probe after 30 s
    vi.advanceTimersByTime(15_000);
    expect(t.ws).toHaveLength(3);
  });

  it('reconnects SSE at once after a live stream broke (a drained server)', () => {
    const t = setup();
    t.ws[0].events.closed(1006);
    t.sse[0].events.opened();
    t.sse[0].fail(new NetworkError('Connection closed while having active streams'));
    expect(t.channel.transport).not.toBe('polling');
    vi.advanceTimersByTime(1_000);
    expect(t.sse).toHaveLength(2);
    t.sse[1].events.opened();
    expect(t.log.slice(-2)).toEqual(['sse', 'connected (retry)']);
  });

  it('passes the server’s refusals to the subscription instead of falling back', () => {
    const t = setup();
    t.ws[0].events.closed(4401);
    t.ws[0].fail({ code: 4401, reason: 'Session ended' });
    expect(t.sse).toHaveLength(0);
    expect(t.errors).toEqual([{ code: 4401, reason: 'Session ended' }]);

    const u = setup();
    u.ws[0].events.closed(1006);
    const refused = new NetworkError({ ok: false, status: 429, statusText: 'Too Many Requests' });
    u.sse[0].fail(refused);
    expect(u.channel.transport).toBeNull();
    expect(u.errors).toEqual([refused]);
  });

  it('an UNAUTHENTICATED result and complete over SSE reach the subscription', () => {
    const t = setup();
    t.ws[0].events.closed(1006);
    t.sse[0].events.opened();
    const sub = t.sse[0].live()[0];
    sub.sink.next({ errors: [{ message: 'Session ended', extensions: { code: 'UNAUTHENTICATED' } }] });
    sub.sink.complete();
    expect(t.received).toEqual([undefined]);
    expect(t.log.at(-1)).toBe('complete');
  });

  it('stops everything on dispose', () => {
    const t = setup();
    t.ws[0].events.closed(1006);
    t.sse[0].fail(new NetworkError('Failed to fetch'));
    t.channel.dispose();
    const before = t.log.length;
    vi.advanceTimersByTime(300_000);
    expect(t.log.length).toBe(before);
    expect(t.ws.length + t.sse.length).toBe(2);
  });
});
