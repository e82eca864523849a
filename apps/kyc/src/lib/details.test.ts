import { describe, expect, it } from 'vitest';
import { checkDetails, normalise, parseDate, type Details } from './details';

const today = new Date(2026, 10, 27); // 27 November 2026, local time
const ok: Details = { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', email: 'ada@example.com' };

describe('checkDetails (the server rules, workflow/details.go)', () => {
  it.each<[string, Partial<Details>, Record<string, string>]>([
    ['complete', {}, {}],
    ['no email', { email: '' }, {}],
    ['names required', { firstName: ' ', lastName: '' }, { firstName: 'firstName', lastName: 'lastName' }],
    ['date required', { dateOfBirth: '' }, { dateOfBirth: 'dateOfBirthMissing' }],
    ['no 30 February', { dateOfBirth: '2001-02-30' }, { dateOfBirth: 'dateOfBirthInvalid' }],
    ['today', { dateOfBirth: '2026-11-27' }, { dateOfBirth: 'dateOfBirthFuture' }],
    ['16 today', { dateOfBirth: '2010-11-27' }, {}],
    ['16 tomorrow', { dateOfBirth: '2010-11-28' }, { dateOfBirth: 'dateOfBirthTooYoung' }],
    ['120', { dateOfBirth: '1906-11-27' }, {}],
    ['121', { dateOfBirth: '1905-11-26' }, { dateOfBirth: 'dateOfBirthTooOld' }],
    ['not an email', { email: 'not-an-email' }, { email: 'email' }],
    ['no dot in the domain', { email: 'ada@localhost' }, { email: 'email' }],
    ['a display name', { email: 'Ada <ada@example.com>' }, { email: 'email' }],
    ['name too long', { lastName: 'é'.repeat(201) }, { lastName: 'tooLong' }],
  ])('%s', (_, change, want) => {
    expect(checkDetails({ ...ok, ...change }, today)).toEqual(want);
  });

  it('reads only real dates', () => {
    expect(parseDate('2000-02-29')).toEqual({ y: 2000, m: 2, d: 29 });
    expect(parseDate('1900-02-29')).toBeNull();
    expect(parseDate('10/12/1990')).toBeNull();
  });

  it('normalises as the server stores', () => {
    expect(normalise({ firstName: '  Ada  Augusta ', lastName: '\tLovelace', dateOfBirth: ' 1990-12-10 ', email: ' a@b.co ' })).toEqual({
      firstName: 'Ada Augusta',
      lastName: 'Lovelace',
      dateOfBirth: '1990-12-10',
      email: 'a@b.co',
    });
  });
});
