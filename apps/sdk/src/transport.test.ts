import { describe, expect, it } from 'vitest';
import { KycError } from './errors';
import { MyCaseQuery } from './operations';
import { createHttpTransport, extractFiles } from './transport';

describe('extractFiles', () => {
  it('nulls every Blob and records its path per the multipart spec', () => {
    const file = new Blob(['x']);
    const { clone, files } = extractFiles({ input: { caseId: '1', file, list: [file] } });
    expect(clone).toEqual({ input: { caseId: '1', file: null, list: [null] } });
    expect(files.map(([p]) => p)).toEqual(['variables.input.file', 'variables.input.list.0']);
  });
});

describe('createHttpTransport', () => {
  const respond = (status: number, body: unknown) => async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

  it('sends the bearer token and returns data', async () => {
    let seen: RequestInit | undefined;
    const t = createHttpTransport({
      url: 'http://api.test/graphql',
      fetchImpl: async (_url, init) => {
        seen = init;
        return new Response(JSON.stringify({ data: { myCase: null } }));
      },
    });
    expect(await t.request(MyCaseQuery, {}, 'tok')).toEqual({ myCase: null });
    expect((seen?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(String(seen?.body)).query).toContain('query MyCase');
  });

  it('maps extensions.code to a KycError', async () => {
    const t = createHttpTransport({
      url: 'http://api.test/graphql',
      fetchImpl: respond(200, { errors: [{ message: 'nope', extensions: { code: 'INVALID_TRANSITION' } }], data: null }),
    });
    await expect(t.request(MyCaseQuery, {}, null)).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: 'nope' });
  });

  it('maps a bare 413 and a network failure', async () => {
    const big = createHttpTransport({ url: 'http://api.test/graphql', fetchImpl: respond(413, 'too big') });
    await expect(big.request(MyCaseQuery, {}, null)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const down = createHttpTransport({
      url: 'http://api.test/graphql',
      fetchImpl: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const err = await down.request(MyCaseQuery, {}, null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KycError);
    expect(err).toMatchObject({ code: 'NETWORK' });
  });
});
