import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToSearch, listVariables } from './filters';

describe('list filters', () => {
  // Issue 14 item 4: the queue is first in, first out (it was newest first, the oldest case at the bottom).
  it('defaults to the review queue, oldest submission first', () => {
    const f = filtersFromParams(new URLSearchParams(''));
    expect(f.status).toBe('PENDING_REVIEW');
    expect(listVariables(f)).toEqual({
      first: 25,
      after: null,
      filter: { status: ['PENDING_REVIEW'] },
      orderBy: { field: 'SUBMITTED_AT', direction: 'ASC' },
    });
    expect(listVariables(filtersFromParams(new URLSearchParams('status=AWAITING_SECOND_REVIEW'))).orderBy).toEqual({ field: 'SUBMITTED_AT', direction: 'DESC' });
    expect(listVariables(filtersFromParams(new URLSearchParams('status=RESUBMISSION_REQUESTED'))).orderBy).toEqual({ field: 'SUBMITTED_AT', direction: 'DESC' });
    expect(filtersToSearch(f)).toBe('');
  });

  it('round-trips through the URL and maps to the cases filter', () => {
    const f = filtersFromParams(new URLSearchParams('status=ALL&mine=1&q=ada&after=xyz'));
    expect(filtersFromParams(new URLSearchParams(filtersToSearch(f).slice(1)))).toEqual(f);
    expect(listVariables(f)).toEqual({
      first: 25,
      after: 'xyz',
      filter: { assignedToMe: true, search: 'ada' },
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    });
  });

  it('pages backwards with last/before and ignores unknown statuses', () => {
    const f = filtersFromParams(new URLSearchParams('status=BOGUS&unassigned=1&before=abc'));
    expect(f.status).toBe('PENDING_REVIEW');
    expect(listVariables(f, 10)).toMatchObject({ last: 10, before: 'abc', filter: { unassigned: true, status: ['PENDING_REVIEW'] } });
  });
});
