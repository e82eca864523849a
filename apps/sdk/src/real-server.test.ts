// Runs the SDK against a real server when KYC_API_URL is set, e.g.
//   KYC_API_URL=http://127.0.0.1:8080/graphql NODE_OPTIONS=--experimental-websocket pnpm --filter @kyc/sdk test
// (Node 20 needs the flag for a global WebSocket; without one the subscription part is skipped.)
// With KYC_REVIEWER_EMAIL and KYC_REVIEWER_PASSWORD it also approves the case as the reviewer and
// waits for the decision to arrive over the subscription.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createKycClient } from './client';
import { KycError } from './errors';

const url = process.env.KYC_API_URL;
// Real photos (the e2e fixtures, phone-sized, sharp and lit): the server refuses tiny images and
// checks every photo.
const photo = (name: 'document.jpg' | 'selfie.jpg') =>
  new Blob([readFileSync(new URL(`../../../e2e/fixtures/${name}`, import.meta.url))], { type: 'image/jpeg' });

describe.skipIf(!url)('against the real server', () => {
  it('walks a case to final; refusals are typed; the decision arrives over the subscription', async () => {
    const client = createKycClient({ url, storage: null });
    const chart = await client.loadWorkflow();
    expect(chart.workflow.initial).toBe('welcome');
    // The limits come from the server (test-all.sh runs it with its defaults).
    expect(client.limits).toEqual({ maxUploadBytes: 10 * 1024 * 1024, maxPixels: 25_000_000, acceptedTypes: ['image/jpeg', 'image/png', 'image/webp'] });

    await client.start({ firstName: 'Vitest' });
    expect(client.state).toBe('welcome');
    await expect(client.back()).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    await client.next();
    // The server's guard: no document type.
    const err = await client.next().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KycError);
    expect(client.state).toBe('document_selection');

    await client.next({ documentType: 'ID_CARD' });
    expect(client.state).toBe('document_photo');
    await expect(client.next()).rejects.toMatchObject({ code: 'UPLOAD_REQUIRED' });
    const progress: number[] = [];
    const doc = await client.upload('ID_CARD', 'FRONT', photo('document.jpg'), (p) => progress.push(p));
    expect(doc.type).toBe('ID_CARD');
    expect(progress.at(-1)).toBe(1);
    await client.next();
    expect(client.state).toBe('document_review');
    await client.next();
    await client.upload('SELFIE', null, photo('selfie.jpg'));
    await client.next();
    await client.next();
    expect(client.case).toMatchObject({ state: 'final', status: 'PENDING_REVIEW' });

    const email = process.env.KYC_REVIEWER_EMAIL;
    const password = process.env.KYC_REVIEWER_PASSWORD;
    if (typeof WebSocket !== 'undefined' && email && password) {
      await vi.waitFor(() => expect(client.snapshot.connection).toBe('connected'), { timeout: 5000 });
      let cookie = '';
      const gql = async (query: string, variables: unknown) => {
        const res = await fetch(url!, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
        cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
        return res.json();
      };
      await gql('mutation($i: LoginInput!) { login(input: $i) { id } }', { i: { email, password } });
      await gql('mutation($i: DecideCaseInput!) { decideCase(input: $i) { status } }', {
        i: { caseId: client.case!.id, decision: 'APPROVE', expectedVersion: client.case!.version },
      });
      await vi.waitFor(() => expect(client.case?.status).toBe('APPROVED'), { timeout: 5000 });
    }
    client.dispose();
  });
});
