import type { CaseStatus, ListCasesQueryVariables } from '../../gql/graphql';

export const PAGE_SIZE = 25;

export type StatusFilter = CaseStatus | 'ALL';

export interface ListFilters {
  status: StatusFilter;
  mine: boolean;
  unassigned: boolean;
  q: string;
  after?: string;
  before?: string;
}

const STATUSES: readonly StatusFilter[] = ['PENDING_REVIEW', 'AWAITING_SECOND_REVIEW', 'RESUBMISSION_REQUESTED', 'IN_PROGRESS', 'APPROVED', 'REJECTED', 'ALL'];

/** filtersFromParams reads the list's URL; the default is the review queue (pending review). */
export function filtersFromParams(params: URLSearchParams): ListFilters {
  const status = params.get('status') as StatusFilter | null;
  return {
    status: status && STATUSES.includes(status) ? status : 'PENDING_REVIEW',
    mine: params.get('mine') === '1',
    unassigned: params.get('unassigned') === '1',
    q: params.get('q') ?? '',
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
  };
}

export function filtersToSearch(f: ListFilters): string {
  const p = new URLSearchParams();
  if (f.status !== 'PENDING_REVIEW') p.set('status', f.status);
  if (f.mine) p.set('mine', '1');
  if (f.unassigned) p.set('unassigned', '1');
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.after) p.set('after', f.after);
  else if (f.before) p.set('before', f.before);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** oldestFirst: the review queue (pending review) is first in, first out: the case that has waited longest is at the top. */
export const oldestFirst = (status: StatusFilter) => status === 'PENDING_REVIEW';

/** listVariables turns filters into the `cases` arguments, one page: review queues oldest submission first, others newest first. */
export function listVariables(f: ListFilters, pageSize = PAGE_SIZE): ListCasesQueryVariables {
  const filter: NonNullable<ListCasesQueryVariables['filter']> = {};
  if (f.status !== 'ALL') filter.status = [f.status];
  if (f.mine) filter.assignedToMe = true;
  if (f.unassigned) filter.unassigned = true;
  if (f.q.trim()) filter.search = f.q.trim();
  const page = f.before && !f.after ? { last: pageSize, before: f.before } : { first: pageSize, after: f.after ?? null };
  // The review queue: oldest submission first (a resubmitted case waits from its new submission).
  // Other submitted cases: newest submission first. Others may have no submission time: newest created first.
  const submitted = f.status === 'PENDING_REVIEW' || f.status === 'AWAITING_SECOND_REVIEW' || f.status === 'RESUBMISSION_REQUESTED';
  const field = submitted ? 'SUBMITTED_AT' : 'CREATED_AT';
  return { ...page, filter, orderBy: { field, direction: oldestFirst(f.status) ? 'ASC' : 'DESC' } };
}
