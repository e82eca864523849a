import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromGraphQLErrors, isKycError, KycError, SERVER_ERROR_CODES } from './errors';

describe('error codes', () => {
  it('knows every code the server defines (workflow/errors.go), so none arrives as INTERNAL', () => {
    const go = readFileSync(new URL('../../../workflow/errors.go', import.meta.url), 'utf8');
    const server = [...go.matchAll(/\bCode\s*=\s*"([A-Z_]+)"/g)].map((m) => m[1]);
    expect(server.length).toBeGreaterThan(5);
    expect(SERVER_ERROR_CODES).toEqual(expect.arrayContaining(server));
  });

  it('keeps a known code and maps an unknown one to INTERNAL', () => {
    expect(fromGraphQLErrors([{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }]).code).toBe('RATE_LIMITED');
    expect(fromGraphQLErrors([{ message: '?', extensions: { code: 'SOMETHING_NEW' } }]).code).toBe('INTERNAL');
  });

  it('isKycError narrows, optionally to one code', () => {
    const err = new KycError('CONFLICT', 'stale');
    expect(isKycError(err)).toBe(true);
    expect(isKycError(err, 'CONFLICT')).toBe(true);
    expect(isKycError(err, 'NOT_FOUND')).toBe(false);
    expect(isKycError(new Error('x'))).toBe(false);
  });
});
