// Live updates over Server-Sent Events against a real server (issue 14 item 1), when KYC_API_URL
// is set (see real-server.test.ts). The WebSocket URL points at a closed port, as a proxy that
// blocks WebSockets would leave it: the client falls back to SSE on its own, and a reviewer's
// change reaches it. With KYC_REVIEWER_EMAIL and KYC_REVIEWER_PASSWORD.
import { describe, expect, it, vi } from 'vitest';
import { createKycClient } from './client';

const url = process.env.KYC_API_URL;
const email = process.env.KYC_REVIEWER_EMAIL;
const password = process.env.KYC_REVIEWER_PASSWORD;

describe.skipIf(!url || !email || !password)('against the real server, without WebSockets', () => {
  it('falls back to SSE and hears a reviewer’s change', async () => {
    const client = createKycClient({ url, wsUrl: 'ws://127.0.0.1:9/graphql', storage: null });
    await client.start({ firstName: 'Sse', lastName: 'Fallback' });
    await vi.waitFor(() => expect(client.snapshot.liveTransport).toBe('sse'), { timeout: 10_000 });
    expect(client.snapshot.connection).toBe('connected');

    let cookie = '';
    const gql = async (query: string, variables: unknown) => {
      const res = await fetch(url!, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
      cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      return res.json();
    };
    await gql('mutation($i: LoginInput!) { login(input: $i) { id } }', { i: { email, password } });
    const before = client.case!.version;
    const note = await gql('mutation($i: AddNoteInput!) { addNote(input: $i) { id } }', { i: { caseId: client.case!.id, body: 'over SSE' } });
    expect(note.errors).toBeUndefined();
    // The note changes the case; only the subscription tells the client (no request is made).
    await vi.waitFor(() => expect(client.case!.version).toBeGreaterThan(before), { timeout: 5000 });
    expect(client.snapshot.liveTransport).toBe('sse');
    client.dispose();
  }, 30_000);
});
