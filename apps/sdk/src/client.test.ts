import { describe, expect, it, vi } from 'vitest';
import { createKycClient, currentDocument, failedPhoto, FALLBACK_LIMITS, linkExpiry, refusedBack, TOKEN_KEY, usablePhoto, type KycClient, type TokenStorage } from './client';
import { fromHttpStatus, isDefiniteRefusal, KycError, toKycError } from './errors';
import { buildChart } from './machine';
import { SendCaseEventMutation } from './operations';
import type { SubscriptionSink, Transport } from './transport';
import { FakeServer, kycWorkflow } from './testing/fake-server';

function memoryStorage(): TokenStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function setup() {
  const server = new FakeServer();
  const storage = memoryStorage();
  const client = createKycClient({ transport: server.transport(), storage, resumeUrlFor: (t) => `http://app.test/kyc/#resume=${t}` });
  return { server, storage, client };
}

const photo = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
const flush = () => new Promise((r) => setTimeout(r, 0));

async function walkTo(client: KycClient, state: string) {
  while (client.state !== state) {
    if (client.state === 'document_selection') await client.next({ documentType: 'PASSPORT' });
    else if (client.state === 'document_photo' || client.state === 'selfie') {
      const type = client.state === 'selfie' ? 'SELFIE' : client.case!.selectedDocumentType!;
      await client.upload(type, type === 'SELFIE' ? null : 'FRONT', photo());
      await client.next();
    } else await client.next();
  }
}

describe('machine built from workflow data', () => {
  it('has exactly the served states and edges, with their flags', () => {
    const chart = buildChart(kycWorkflow);
    expect(Object.keys(chart.machine.config.states ?? {})).toEqual(kycWorkflow.states.map((s) => s.name));
    expect(chart.target('welcome', 'USER_NEXT_STEP')).toBe('document_selection');
    expect(chart.target('welcome', 'USER_PREV_STEP')).toBeUndefined();
    expect(chart.target('selfie', 'USER_PREV_STEP')).toBe('document_review');
    expect(chart.events('final')).toEqual([]);
    expect(chart.info('document_photo')).toMatchObject({ submit: true, persisted: false });
    expect(chart.info('document_review')).toMatchObject({ persisted: true });
  });

  it('follows whatever chart the server sends (nothing hardcoded)', () => {
    const chart = buildChart({
      id: 'other',
      version: 7,
      initial: 'a',
      states: [
        { name: 'a', persisted: false, submit: false, final: false, on: [{ event: 'USER_NEXT_STEP', target: 'c' }] },
        { name: 'b', persisted: false, submit: false, final: true, on: [] },
        { name: 'c', persisted: true, submit: false, final: false, on: [{ event: 'USER_PREV_STEP', target: 'a' }, { event: 'USER_NEXT_STEP', target: 'b' }] },
      ],
    });
    expect(chart.target('a', 'USER_NEXT_STEP')).toBe('c');
    expect(chart.target('c', 'USER_NEXT_STEP')).toBe('b');
    expect(chart.events('c')).toEqual(['USER_PREV_STEP', 'USER_NEXT_STEP']);
  });
});

describe('createKycClient', () => {
  it('starts a case, keeps the token and resume link, and notifies listeners', async () => {
    const { client, storage, server } = setup();
    const seen: Array<string | null> = [];
    client.subscribe((s) => seen.push(s.state));
    const c = await client.start({ firstName: 'Ada' });
    expect(c.state).toBe('welcome');
    expect(client.state).toBe('welcome');
    expect(storage.data.get(TOKEN_KEY)).toBe('token-1');
    expect(client.resumeUrl).toBe('http://fake.test/kyc/#resume=token-1');
    expect(client.chart?.workflow.id).toBe('kyc');
    expect(seen).toContain('welcome');
    expect(server.calls).toEqual(expect.arrayContaining(['Workflow', 'StartCase']));
    await flush();
    expect(server.subscriberCount).toBe(1);
  });

  it('moves with next/back and sends the document type', async () => {
    const { client, server } = setup();
    await client.start();
    await client.next();
    expect(client.state).toBe('document_selection');
    await client.back();
    expect(client.state).toBe('welcome');
    await client.next();
    await client.next({ documentType: 'ID_CARD' });
    expect(client.state).toBe('document_photo');
    expect(client.case?.selectedDocumentType).toBe('ID_CARD');
    expect(server.caseOf().state).toBe('document_photo');
  });

  it('a refused event rethrows a typed KycError and keeps the server state', async () => {
    const { client, server } = setup();
    await client.start();
    await client.next();
    // Meanwhile, the case moved on the server (another device).
    server.setState(client.case!.id, { state: 'document_review', selectedDocumentType: 'PASSPORT' });
    server.failNext('SendCaseEvent', 'INVALID_TRANSITION');
    const err = await client.next({ documentType: 'PASSPORT' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KycError);
    expect((err as KycError).code).toBe('INVALID_TRANSITION');
    expect(client.state).toBe('document_review'); // where the server says, not where we aimed
    expect(client.snapshot.pending).toBeNull();
  });

  it('refuses locally what the chart does not have, without calling the server', async () => {
    const { client, server } = setup();
    await client.start();
    const before = server.calls.length;
    await expect(client.back()).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(server.calls.length).toBe(before);
  });

  it('keeps the two sides apart: the back alone is not the photo, a flagged back must be re-taken', async () => {
    const { client, server } = setup();
    await client.start();
    await client.next();
    await client.next({ documentType: 'ID_CARD' });
    await client.upload('ID_CARD', 'BACK', photo());
    expect(currentDocument(client.case, 'ID_CARD', 'BACK')?.side).toBe('BACK');
    expect(usablePhoto(client.case, 'ID_CARD')).toBeUndefined();
    await expect(client.next()).rejects.toMatchObject({ code: 'UPLOAD_REQUIRED' });
    await client.upload('ID_CARD', 'FRONT', photo());
    expect(usablePhoto(client.case, 'ID_CARD')?.side).toBe('FRONT');
    await walkTo(client, 'final');

    server.decide(client.case!.id, 'REQUEST_RESUBMISSION', { flag: [{ type: 'ID_CARD', side: 'BACK', reason: 'Glare' }] });
    await client.refresh();
    expect(client.state).toBe('document_photo');
    expect(refusedBack(client.case, 'ID_CARD')?.reason).toBe('Glare');
    expect(usablePhoto(client.case, 'ID_CARD')).toBeDefined(); // the front is kept
    await expect(client.next()).rejects.toMatchObject({ code: 'UPLOAD_REQUIRED' });
    await client.upload('ID_CARD', 'BACK', photo());
    expect(refusedBack(client.case, 'ID_CARD')).toBeUndefined();
    expect(currentDocument(client.case, 'ID_CARD', 'BACK')?.revision).toBe(2);
    await client.next();
    expect(client.state).toBe('document_review');
  });

  it('mirrors the server: a photo step is not left while its current photo FAILs a check; a WARN goes on', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'document_photo');
    server.nextChecks = [{ name: 'EXPOSURE', outcome: 'FAIL', score: 0.02, detail: 'The photo is too dark.' }];
    const doc = await client.upload('PASSPORT', 'FRONT', photo());
    expect(doc.checks).toEqual([{ name: 'EXPOSURE', outcome: 'FAIL', score: 0.02, detail: 'The photo is too dark.' }]);
    expect(failedPhoto(client.case, 'PASSPORT')?.id).toBe(doc.id);
    const before = server.calls.filter((c) => c === 'SendCaseEvent').length;
    await expect(client.next()).rejects.toMatchObject({ code: 'PHOTO_CHECK_FAILED' });
    expect(server.calls.filter((c) => c === 'SendCaseEvent').length).toBe(before); // refused without asking
    expect(client.state).toBe('document_photo');

    server.nextChecks = [{ name: 'SHARPNESS', outcome: 'WARN', score: 0.7, detail: 'The photo looks blurred.' }];
    await client.upload('PASSPORT', 'FRONT', photo());
    expect(failedPhoto(client.case, 'PASSPORT')).toBeUndefined();
    await client.next();
    expect(client.state).toBe('document_review');

    // The selfie step too.
    await client.next();
    server.nextChecks = [{ name: 'RESOLUTION', outcome: 'FAIL', score: 150, detail: 'Too small.' }];
    await client.upload('SELFIE', null, photo());
    await expect(client.next()).rejects.toMatchObject({ code: 'PHOTO_CHECK_FAILED' });
    expect(client.state).toBe('selfie');
  });

  it('the fake server refuses a failing photo too (PHOTO_CHECK_FAILED is a known server code)', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'document_photo');
    server.nextChecks = [{ name: 'EXPOSURE', outcome: 'FAIL', score: 0.02, detail: 'The photo is too dark.' }];
    await client.upload('PASSPORT', 'FRONT', photo());
    // Straight to the server, past the SDK's own guard.
    const transport = server.transport();
    const c = client.case!;
    const err = await transport
      .request(SendCaseEventMutation, { input: { caseId: c.id, event: 'USER_NEXT_STEP', documentType: null } }, client.snapshot.token)
      .catch((e: unknown) => e);
    expect(toKycError(err)).toMatchObject({ code: 'PHOTO_CHECK_FAILED' });
  });

  it('blocks leaving the submit state until the upload succeeded', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'document_photo');
    const before = server.calls.filter((c) => c === 'SendCaseEvent').length;
    await expect(client.next()).rejects.toMatchObject({ code: 'UPLOAD_REQUIRED' });
    expect(server.calls.filter((c) => c === 'SendCaseEvent').length).toBe(before);
    expect(client.state).toBe('document_photo');

    // A failed upload is surfaced, and next() is still blocked.
    server.failNext('UploadDocument', 'UNSUPPORTED_MEDIA_TYPE');
    await expect(client.upload('PASSPORT', 'FRONT', photo())).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(client.snapshot.upload).toMatchObject({ status: 'error', error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    await expect(client.next()).rejects.toMatchObject({ code: 'UPLOAD_REQUIRED' });

    // next() while the upload is in flight waits for it, then moves.
    const progress: number[] = [];
    const up = client.upload('PASSPORT', 'FRONT', photo(), (p) => progress.push(p));
    const moved = client.next();
    expect(client.snapshot.upload?.status).toBe('uploading');
    await up;
    await moved;
    expect(client.state).toBe('document_review');
    expect(progress).toEqual([0, 0.5, 1]);
    expect(client.case?.documents.map((d) => d.type)).toEqual(['PASSPORT']);
  });

  it('next() fails with the upload error when the in-flight upload fails', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'document_photo');
    server.failNext('UploadDocument', 'PAYLOAD_TOO_LARGE');
    const up = client.upload('PASSPORT', 'FRONT', photo()).catch((e: unknown) => e);
    await expect(client.next()).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await up).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(client.state).toBe('document_photo');
  });

  it('checks size and type before sending a file', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'document_photo');
    const n = server.calls.length;
    await expect(client.upload('PASSPORT', 'FRONT', new Blob(['x'], { type: 'application/pdf' }))).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    await expect(client.upload('PASSPORT', 'FRONT', new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'image/png' }))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(server.calls.length).toBe(n);
  });

  it('checks uploads against the limits the server serves, fetched once with the workflow', async () => {
    const server = new FakeServer({ limits: { maxUploadBytes: 2048, maxPixels: 4_000_000, acceptedTypes: ['image/jpeg'] } });
    const client = createKycClient({ transport: server.transport(), storage: memoryStorage() });
    expect(client.limits).toEqual(FALLBACK_LIMITS); // nothing fetched yet
    await client.start();
    expect(client.limits).toEqual({ maxUploadBytes: 2048, maxPixels: 4_000_000, acceptedTypes: ['image/jpeg'] });
    await client.next();
    await client.next({ documentType: 'PASSPORT' });
    const n = server.calls.length;
    // A PNG is fine by the constants, not by this server; 2049 bytes is under the constants' 10 MiB.
    await expect(client.upload('PASSPORT', 'FRONT', photo())).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(client.upload('PASSPORT', 'FRONT', new Blob([new Uint8Array(2049)], { type: 'image/jpeg' }))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(server.calls.length).toBe(n);
    await client.upload('PASSPORT', 'FRONT', new Blob([new Uint8Array(2048)], { type: 'image/jpeg' }));
    expect(server.calls.filter((op) => op === 'Workflow')).toHaveLength(1);
  });

  it('falls back to the constant limits only while the server cannot be reached', async () => {
    const server = new FakeServer({ limits: { maxUploadBytes: 2048, maxPixels: 1, acceptedTypes: ['image/jpeg'] } });
    const client = createKycClient({ transport: server.transport(), storage: memoryStorage() });
    server.failNext('Workflow', 'NETWORK');
    await expect(client.loadWorkflow()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(client.limits).toEqual(FALLBACK_LIMITS);
    expect(FALLBACK_LIMITS).toEqual({ maxUploadBytes: 10 * 1024 * 1024, maxPixels: 25_000_000, acceptedTypes: ['image/jpeg', 'image/png', 'image/webp'] });
    await client.loadWorkflow(); // back online
    expect(client.limits.maxUploadBytes).toBe(2048);
  });

  it('resumes from a token at the server state, and restore() uses storage', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'document_review');
    const token = client.snapshot.token!;

    const other = createKycClient({ transport: server.transport(), storage: memoryStorage(), resumeUrlFor: (t) => `http://app.test/kyc/#resume=${t}` });
    const c = await other.resume(token);
    expect(c.state).toBe('document_review');
    expect(other.resumeUrl).toBe(`http://app.test/kyc/#resume=${token}`);

    const storage = memoryStorage();
    storage.setItem(TOKEN_KEY, token);
    const third = createKycClient({ transport: server.transport(), storage });
    expect((await third.restore())?.state).toBe('document_review');

    const stale = memoryStorage();
    stale.setItem(TOKEN_KEY, 'nope');
    const fourth = createKycClient({ transport: server.transport(), storage: stale });
    expect(await fourth.restore()).toBeNull();
    expect(stale.data.has(TOKEN_KEY)).toBe(false);
  });

  it('receives the decision live over the subscription', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'final');
    expect(client.case?.status).toBe('PENDING_REVIEW');
    server.decide(client.case!.id, 'APPROVE');
    await flush();
    expect(client.case?.status).toBe('APPROVED');
  });

  it('re-fetches myCase after a reconnect so a missed decision still arrives', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'final');
    await flush();
    server.dropConnection();
    expect(client.snapshot.connection).toBe('reconnecting');
    server.decide(client.case!.id, 'REQUEST_RESUBMISSION', { flag: [{ type: 'SELFIE', reason: 'Face not visible' }] });
    await flush();
    expect(client.case?.status).toBe('PENDING_REVIEW'); // missed while offline
    const calls = server.calls.length;
    server.reconnect();
    await vi.waitFor(() => expect(client.case?.status).toBe('RESUBMISSION_REQUESTED'));
    expect(server.calls.slice(calls)).toEqual(['MyCase']);
    expect(client.snapshot.connection).toBe('connected');
    expect(client.state).toBe('selfie');
    expect(client.case?.documents.find((d) => d.type === 'SELFIE')).toMatchObject({
      status: 'RESUBMISSION_REQUESTED',
      reason: 'Face not visible',
    });
  });

  it('never lets a late, older update overwrite a newer answer', async () => {
    const server = new FakeServer();
    const base = server.transport();
    let sink: SubscriptionSink<unknown> | undefined;
    const transport: Transport = {
      ...base,
      subscribe: (doc, vars, token, s) => {
        sink = s as SubscriptionSink<unknown>;
        return base.subscribe(doc, vars, token, s);
      },
    };
    const client = createKycClient({ transport, storage: null });
    await client.start();
    const old = client.case!;
    await client.next();
    sink!.next({ caseUpdated: old });
    expect(client.state).toBe('document_selection');
  });

  it('walks a resubmission: re-take only the flagged photo, back to pending review', async () => {
    const { client, server } = setup();
    await client.start();
    await walkTo(client, 'final');
    server.decide(client.case!.id, 'REQUEST_RESUBMISSION', { flag: [{ type: 'PASSPORT', reason: 'Blurry' }] });
    await flush();
    expect(client.state).toBe('document_photo');
    expect(client.can('USER_PREV_STEP')).toBe(false);
    await expect(client.next()).rejects.toMatchObject({ code: 'UPLOAD_REQUIRED' });
    await client.upload('PASSPORT', 'FRONT', photo());
    await client.next(); // document_review
    await client.next(); // selfie: the kept selfie is fine
    await client.next(); // selfie_review
    await client.next(); // final
    expect(client.case).toMatchObject({ state: 'final', status: 'PENDING_REVIEW', revision: 2 });
  });

  it('joins a double click instead of moving twice', async () => {
    const { client } = setup();
    await client.start();
    const [a, b] = await Promise.all([client.next(), client.next()]);
    expect(a).toBe(b);
    expect(client.state).toBe('document_selection');
  });
});

describe('upload when the case cannot be re-read', () => {
  it('keeps the uploaded document so Continue is not blocked by a failed refresh', async () => {
    const server = new FakeServer();
    const client = createKycClient({ transport: server.transport(), storage: null });
    await client.start();
    await walkTo(client, 'document_photo');
    server.failNext('MyCase', 'INTERNAL');
    await client.upload('PASSPORT', 'FRONT', photo());
    expect(client.case?.documents.map((d) => d.type)).toEqual(['PASSPORT']);
    await client.next();
    expect(client.state).toBe('document_review');
  });
});

describe('start when the workflow query fails', () => {
  it('still keeps the token shown only once', async () => {
    const server = new FakeServer();
    const storage = memoryStorage();
    const client = createKycClient({ transport: server.transport(), storage });
    server.failNext('Workflow', 'NETWORK');
    await expect(client.start()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(storage.data.get(TOKEN_KEY)).toBe('token-1');
    expect(client.state).toBe('welcome');
    await client.next(); // the chart loads on the next call
    expect(client.state).toBe('document_selection');
  });
});

describe('the case token survives outages', () => {
  async function stored(server: FakeServer) {
    const first = createKycClient({ transport: server.transport(), storage: memoryStorage() });
    await first.start();
    await first.next();
    const storage = memoryStorage();
    storage.setItem(TOKEN_KEY, first.snapshot.token!);
    return { storage, token: first.snapshot.token!, client: createKycClient({ transport: server.transport(), storage }) };
  }

  for (const [code, what] of [
    ['INTERNAL', 'the server answers INTERNAL (its database is down: HTTP 503)'],
    ['HTTP_503', 'a proxy answers a bare HTTP 503'],
    ['NETWORK', 'the request never gets an answer (offline, timeout)'],
  ] as const) {
    it(`keeps the stored token when ${what}, and resumes once the server is back`, async () => {
      const server = new FakeServer();
      const { storage, token, client } = await stored(server);
      server.failNext('MyCase', code);
      await expect(client.restore()).rejects.toBeInstanceOf(KycError);
      expect(storage.data.get(TOKEN_KEY)).toBe(token);
      server.failNext('MyCase', code);
      await expect(client.resume(token)).rejects.toBeInstanceOf(KycError);
      expect(storage.data.get(TOKEN_KEY)).toBe(token);
      expect((await client.restore())?.state).toBe('document_selection');
      expect(client.snapshot.token).toBe(token);
    });
  }

  it('keeps the token on a bare 401 or 404 that no GraphQL server answered (a proxy)', async () => {
    const server = new FakeServer();
    const { storage, token } = await stored(server);
    for (const status of [401, 404]) {
      const transport: Transport = {
        ...server.transport(),
        request: async () => Promise.reject(fromHttpStatus(status, '<html>not here</html>')),
      };
      const client = createKycClient({ transport, storage });
      await expect(client.restore()).rejects.toMatchObject({ code: status === 401 ? 'UNAUTHENTICATED' : 'NOT_FOUND' });
      expect(storage.data.get(TOKEN_KEY)).toBe(token);
    }
  });

  it('forgets the token only on the server\'s definite UNAUTHENTICATED or NOT_FOUND', async () => {
    for (const code of ['UNAUTHENTICATED', 'NOT_FOUND'] as const) {
      const server = new FakeServer();
      const { storage, client } = await stored(server);
      server.failNext('MyCase', code, 'this link has expired');
      expect(await client.restore()).toBeNull();
      expect(storage.data.has(TOKEN_KEY)).toBe(false);
    }
    expect(isDefiniteRefusal(new KycError('UNAUTHENTICATED', 'x', { answered: true }))).toBe(true);
    expect(isDefiniteRefusal(new KycError('INTERNAL', 'x', { answered: true }))).toBe(false);
    expect(isDefiniteRefusal(fromHttpStatus(401, ''))).toBe(false);
    expect(isDefiniteRefusal(toKycError(new TypeError('Failed to fetch')))).toBe(false);
  });
});

describe('document links', () => {
  it('re-reads the case shortly before the first document link expires, once per expiry', async () => {
    const server = new FakeServer();
    const client = createKycClient({ transport: server.transport(), storage: null });
    await client.start();
    await walkTo(client, 'document_review');
    const t0 = Date.UTC(2026, 10, 27, 10, 0, 0);
    vi.useFakeTimers({ now: t0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const reads = () => server.calls.filter((c) => c === 'MyCase').length;
      const signed = (exp: number) => `/documents/doc?exp=${exp / 1000}&sig=abc`;
      const doc = () => server.caseOf().documents[0]!;
      doc().url = signed(t0 + 10 * 60_000);
      await client.refresh();
      const before = reads();
      // The server hands out the next link meanwhile; nothing is read until 1 min before expiry.
      doc().url = signed(t0 + 15 * 60_000);
      await vi.advanceTimersByTimeAsync(9 * 60_000 - 1_000);
      expect(reads()).toBe(before);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(reads()).toBe(before + 1);
      expect(client.case?.documents[0]?.url).toBe(signed(t0 + 15 * 60_000));
      // The new link is refreshed in its turn; one the server does not replace, only once.
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(reads()).toBe(before + 2);
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      expect(reads()).toBe(before + 2);
      // forget() stops it.
      doc().url = signed(t0 + 90 * 60_000);
      await client.refresh();
      client.forget();
      await vi.advanceTimersByTimeAsync(120 * 60_000);
      expect(reads()).toBe(before + 3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the expiry of a signed link', () => {
    expect(linkExpiry('/documents/1?exp=1800000000&sig=ab')).toBe(1_800_000_000_000);
    expect(linkExpiry('data:image/png;base64,AAAA')).toBeNull();
    expect(linkExpiry('/documents/1?sig=ab')).toBeNull();
  });
});

describe('eraseMyCase', () => {
  it('erases the case on the server, then forgets the token and the case', async () => {
    const { server, storage, client } = setup();
    await client.start({ firstName: 'Ada' });
    await walkTo(client, 'document_review');
    const id = client.case!.id;
    await flush();
    expect(server.subscriberCount).toBe(1);
    expect(client.canErase).toBe(true);

    await client.eraseMyCase();

    expect(server.calls.at(-1)).toBe('EraseMyCase');
    expect(server.erased).toEqual([id]);
    expect(storage.data.has(TOKEN_KEY)).toBe(false);
    expect(client.snapshot).toMatchObject({ case: null, token: null, status: null, resumeUrl: null });
    expect(client.canErase).toBe(false);
    expect(server.subscriberCount).toBe(0);
    // Nothing brings it back: there is no token to restore.
    expect(await client.restore()).toBeNull();
  });

  it('is refused after submission, and then keeps the token and the case', async () => {
    const { server, storage, client } = setup();
    await client.start();
    await walkTo(client, 'final');
    expect(client.case!.status).toBe('PENDING_REVIEW');
    expect(client.canErase).toBe(false);
    const token = client.snapshot.token;

    await expect(client.eraseMyCase()).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    expect(server.erased).toEqual([]);
    expect(storage.data.get(TOKEN_KEY)).toBe(token);
    expect(client.case?.status).toBe('PENDING_REVIEW');
  });

  it('keeps the token when the request does not get through', async () => {
    const { server, storage, client } = setup();
    await client.start();
    const token = client.snapshot.token;
    server.failNext('EraseMyCase', 'NETWORK');

    await expect(client.eraseMyCase()).rejects.toMatchObject({ code: 'NETWORK' });

    expect(storage.data.get(TOKEN_KEY)).toBe(token);
    expect(client.case).not.toBeNull();
    // A retry works.
    await client.eraseMyCase();
    expect(storage.data.has(TOKEN_KEY)).toBe(false);
  });

  it('needs a case', async () => {
    const { client } = setup();
    await expect(client.eraseMyCase()).rejects.toMatchObject({ code: 'NO_CASE' });
  });
});
