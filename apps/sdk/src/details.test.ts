import { describe, expect, it } from 'vitest';
import { createKycClient } from './client';
import { FakeServer } from './testing/fake-server';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
};

describe('updateDetails', () => {
  it('sets the details on the case and keeps the server answer', async () => {
    const server = new FakeServer();
    const client = createKycClient({ transport: server.transport(), storage: memory(), resumeUrlFor: (t) => `http://app.test/#resume=${t}` });
    await client.start({ firstName: 'Ada' });
    const c = await client.updateDetails({ firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', email: null });
    expect(c.applicant).toEqual({ firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', email: null });
    expect(client.case?.applicant.lastName).toBe('Lovelace');
    expect(server.calls).toContain('UpdateMyDetails');
    expect(client.snapshot.pending).toBeNull();
  });

  it('is refused without a case, and by the server once submitted', async () => {
    const server = new FakeServer();
    const client = createKycClient({ transport: server.transport(), storage: memory(), resumeUrlFor: (t) => `http://app.test/#resume=${t}` });
    await expect(client.updateDetails({ firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' })).rejects.toMatchObject({ code: 'NO_CASE' });
    await client.start();
    server.caseOf().status = 'PENDING_REVIEW';
    await expect(client.updateDetails({ firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});
