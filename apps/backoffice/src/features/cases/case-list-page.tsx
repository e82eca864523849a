import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import { Link, navigate } from '../../app/router';
import { useShortcut, useShortcuts } from '../../app/shortcuts';
import { ErasedBadge, StatusBadge } from '../../components/status-badge';
import { CheckSummaryBadge } from '../review/check-badges';
import type { CaseListItemFragment, CaseStatus } from '../../gql/graphql';
import { operationName, useApiQuery, useSubscription } from '../../lib/api-context';
import { errorMessage } from '../../lib/error-copy';
import { applicantName, CASE_STATUS_LABEL, documentsSummary, formatSla, overSla, waitingTime } from '../../lib/labels';
import { formatDateTime, timeAgo } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useMe } from '../auth/session';
import { CaseFeedSubscription, ListCasesQuery, ReviewSlaQuery } from './api/list-cases';
import { filtersFromParams, filtersToSearch, listVariables, oldestFirst, type ListFilters, type StatusFilter } from './filters';
import { useRowCursor } from './row-cursor';

/** The list's last query string, so "All cases" from a case view returns to the same filters. */
let lastSearch = '';
export function lastListPath(): string {
  return lastSearch ? `cases${lastSearch}` : '';
}

const STATUS_OPTIONS: ReadonlyArray<[StatusFilter, string]> = [
  ['PENDING_REVIEW', CASE_STATUS_LABEL.PENDING_REVIEW],
  ['AWAITING_SECOND_REVIEW', CASE_STATUS_LABEL.AWAITING_SECOND_REVIEW],
  ['RESUBMISSION_REQUESTED', CASE_STATUS_LABEL.RESUBMISSION_REQUESTED],
  ['IN_PROGRESS', CASE_STATUS_LABEL.IN_PROGRESS],
  ['APPROVED', CASE_STATUS_LABEL.APPROVED],
  ['REJECTED', CASE_STATUS_LABEL.REJECTED],
  ['ALL', 'All statuses'],
];

const FRESH_MS = 4000;

export function CaseListPage({ params }: { params: URLSearchParams }) {
  const me = useMe();
  const filters = filtersFromParams(params);
  const variables = listVariables(filters);
  // The last page stays on screen (aria-busy) while the next filters or page load.
  const { data, error, isFetching: loading, refetch } = useApiQuery(ListCasesQuery, variables, { keepPrevious: true });
  const queryClient = useQueryClient();
  // The review SLA: a waiting case past it is marked (24 h until the server says otherwise).
  const { data: policy } = useApiQuery(ReviewSlaQuery, {});
  const slaSeconds = policy?.reviewPolicy.reviewSlaSeconds ?? 24 * 3600;
  const fifo = oldestFirst(filters.status);
  const now = useNow();
  const [query, setQuery] = useState(filters.q);
  const [announcement, setAnnouncement] = useState('');
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  const refetchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = filtersToSearch(filters);
  useEffect(() => {
    lastSearch = search;
  }, [search]);

  const update = (patch: Partial<ListFilters>) => {
    // Any filter change starts again from the first page.
    navigate(`cases${filtersToSearch({ ...filters, after: undefined, before: undefined, ...patch })}`, { replace: true });
  };

  // Back/forward changes the URL: show its search unless the reviewer is typing.
  useEffect(() => {
    if (document.activeElement !== searchRef.current) setQuery(filters.q);
  }, [filters.q]);

  // Search as you type, once typing pauses.
  const searchTyped = useEffectEvent(() => {
    if (query.trim() !== filters.q.trim()) update({ q: query });
  });
  useEffect(() => {
    const id = setTimeout(searchTyped, 300);
    return () => clearTimeout(id);
  }, [query]);

  // Live: every case event makes the cached lists stale and refetches the one on screen
  // (debounced, so a burst costs one request), and marks the case so its row can be highlighted.
  useSubscription(CaseFeedSubscription, {}, ({ caseFeed }) => {
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: [operationName(ListCasesQuery)] }), 250);
    setFresh((s) => new Set(s).add(caseFeed.caseId));
    setTimeout(() => setFresh((s) => {
      const next = new Set(s);
      next.delete(caseFeed.caseId);
      return next;
    }), FRESH_MS);
    if (caseFeed.type === 'CASE_SUBMITTED') setAnnouncement(`A case was submitted for review at ${formatDateTime(caseFeed.createdAt, true)}.`);
    else if (caseFeed.type === 'CASE_DECIDED') setAnnouncement(`A case was decided at ${formatDateTime(caseFeed.createdAt, true)}.`);
  });
  useEffect(() => () => clearTimeout(refetchTimer.current), []);

  useShortcut('/', () => searchRef.current?.focus());
  const { enabled: keys } = useShortcuts();

  const connection = data?.cases;
  const edges = connection?.edges ?? [];
  // The cursor belongs to one page of one filter: the query string says which.
  const rowsBody = useRef<HTMLTableSectionElement>(null);
  const cursor = useRowCursor(edges.map((e) => e.node.id), search, rowsBody);

  return (
    <main id="main" tabIndex={-1} className="page">
      <div className="page-head">
        <h1>
          Cases{' '}
          {connection && (
            <span className="count">
              {connection.totalCountCapped
                ? `${connection.totalCount.toLocaleString('en')}+ cases`
                : `${connection.totalCount} ${connection.totalCount === 1 ? 'case' : 'cases'}`}
            </span>
          )}
        </h1>
        {edges.length > 0 && (
          <p className="keys-hint" id="case-keys">
            {keys ? (
              <>
                <kbd>J</kbd> <kbd>K</kbd> or <kbd>↓</kbd> <kbd>↑</kbd> move, <kbd>Enter</kbd> opens
              </>
            ) : (
              <>
                In the list, <kbd>↓</kbd> <kbd>↑</kbd> move, <kbd>Enter</kbd> opens
              </>
            )}
          </p>
        )}
      </div>

      <form className="filters" role="search" aria-label="Filter cases" onSubmit={(e) => { e.preventDefault(); update({ q: query }); }}>
        <div className="field field-inline">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={filters.status} onChange={(e) => update({ status: e.target.value as StatusFilter })}>
            {STATUS_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={filters.mine} onChange={(e) => update({ mine: e.target.checked, unassigned: e.target.checked ? false : filters.unassigned })} />
          Assigned to me
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.unassigned} onChange={(e) => update({ unassigned: e.target.checked, mine: e.target.checked ? false : filters.mine })} />
          Unassigned
        </label>
        <div className="field field-inline field-grow">
          <label htmlFor="filter-search">Search</label>
          <input
            id="filter-search"
            ref={searchRef}
            type="search"
            placeholder="Applicant name or email"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      </form>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {error && (
        <div className="alert alert-error" role="alert">
          <p>Cases could not be loaded. {errorMessage(error)}</p>
          <button type="button" className="button" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      )}

      {!data && loading && (
        <p className="loading" role="status">
          Loading cases…
        </p>
      )}

      {connection && edges.length === 0 && (
        <div className="empty">
          <p>
            {filters.q || filters.mine || filters.unassigned
              ? 'No cases match these filters.'
              : filters.status === 'PENDING_REVIEW'
                ? 'No cases are waiting for review. New submissions appear here on their own.'
                : filters.status === 'AWAITING_SECOND_REVIEW'
                  ? 'No decisions are waiting for a second reviewer. Proposed decisions appear here on their own.'
                  : 'No cases match these filters.'}
          </p>
        </div>
      )}

      {connection && edges.length > 0 && (
        <div className="table-wrap" aria-busy={loading}>
          <table className="case-table case-list stack-table" aria-describedby="case-keys">
            <caption className="visually-hidden">
              Cases, {filters.status === 'ALL' ? 'all statuses' : CASE_STATUS_LABEL[filters.status as CaseStatus].toLowerCase()},{' '}
              {fifo ? 'oldest submission first' : 'newest first'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Applicant</th>
                <th scope="col">Status</th>
                <th scope="col">Documents</th>
                <th scope="col">Assignee</th>
                <th scope="col">{fifo ? 'Waiting' : 'Submitted'}</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody ref={rowsBody}>
              {edges.map(({ node }, i) => (
                <CaseRow key={node.id} node={node} meId={me.id} now={now} slaSeconds={slaSeconds} fresh={fresh.has(node.id)} {...cursor.rowProps(node.id, i)} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {connection && (connection.pageInfo.hasNextPage || connection.pageInfo.hasPreviousPage || filters.after || filters.before) && (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="button"
            disabled={!(connection.pageInfo.hasPreviousPage || filters.after)}
            onClick={() => navigate(`cases${filtersToSearch({ ...filters, after: undefined, before: connection.pageInfo.startCursor ?? undefined })}`)}
          >
            {fifo ? '← Older' : '← Newer'}
          </button>
          <button
            type="button"
            className="button"
            disabled={!connection.pageInfo.hasNextPage && !filters.before}
            onClick={() => navigate(`cases${filtersToSearch({ ...filters, before: undefined, after: connection.pageInfo.endCursor ?? undefined })}`)}
          >
            {fifo ? 'Newer →' : 'Older →'}
          </button>
        </nav>
      )}
    </main>
  );
}

interface CaseRowProps {
  node: CaseListItemFragment;
  meId: string;
  now: number;
  /** slaSeconds: how long a case may wait for review before it is marked past the SLA. */
  slaSeconds: number;
  fresh: boolean;
  /** active: the keyboard cursor is on this row (see useRowCursor). */
  active: boolean;
  tabIndex: number;
  onFocus(): void;
  onKeyDown(e: KeyboardEvent): void;
}

function CaseRow({ node, meId, now, slaSeconds, fresh, active, tabIndex, onFocus, onKeyDown }: CaseRowProps) {
  const flagged = node.documents.filter((d) => d.status === 'REJECTED' || d.status === 'RESUBMISSION_REQUESTED');
  const types = documentsSummary(node.documents);
  const waiting = node.status === 'PENDING_REVIEW' || node.status === 'AWAITING_SECOND_REVIEW';
  const late = waiting && !!node.submittedAt && overSla(node.submittedAt, now, slaSeconds);
  return (
    <tr className={fresh ? 'row-fresh' : undefined} data-case-id={node.id} data-active={active || undefined} data-past-sla={late || undefined} onFocus={onFocus}>
      <td className="cell-applicant">
        <Link to={`cases/${encodeURIComponent(node.id)}`} className="row-link" tabIndex={tabIndex} onKeyDown={onKeyDown}>
          {applicantName(node.applicant, node.erasedAt)}
        </Link>
        {node.applicant.email && <span className="sub">{node.applicant.email}</span>}
      </td>
      <td className="cell-status">
        <StatusBadge status={node.status} />
        {node.erasedAt && <ErasedBadge at={node.erasedAt} />}
        {node.revision > 1 && <span className="sub">Resubmission {node.revision - 1}</span>}
      </td>
      <td className="cell-documents">
        {types || <span className="muted">None yet</span>}
        {node.status === 'PENDING_REVIEW' && flagged.length > 0 && (
          // Flagged photos form a request the applicant has not received: say so in the list too.
          <span className="sub flag request-unsent" data-request-unsent>
            <span aria-hidden="true">✉︎ </span>Request not sent ({flagged.length === 1 ? '1 photo' : `${flagged.length} photos`})
          </span>
        )}
        <CheckSummaryBadge summary={node.checkSummary} />
      </td>
      <td data-label="Assignee">
        {node.assignee ? (node.assignee.id === meId ? 'You' : node.assignee.name || node.assignee.email) : <span className="muted">Unassigned</span>}
        {node.assignee && !node.assignee.active && <span className="sub flag">assignee inactive</span>}
      </td>
      {/* A waiting time reads "waiting 5 min" by itself; on a phone the other cells show their column's name (data-label). */}
      <td data-label={node.submittedAt && !waiting ? 'Submitted' : undefined}>
        {node.submittedAt && waiting ? (
          <>
            <time dateTime={node.submittedAt} title={`Submitted ${formatDateTime(node.submittedAt)}`} data-waiting>
              {waitingTime(node.submittedAt, now)}
            </time>
            {late && (
              <span className="sub sla-late" data-sla-late>
                <span aria-hidden="true">⚠ </span>Past the {formatSla(slaSeconds)} review target
              </span>
            )}
          </>
        ) : node.submittedAt ? (
          <time dateTime={node.submittedAt} title={formatDateTime(node.submittedAt)}>
            {timeAgo(node.submittedAt, now)}
          </time>
        ) : (
          <span className="muted">Not submitted</span>
        )}
      </td>
      <td data-label="Last change">
        <time dateTime={node.updatedAt} title={formatDateTime(node.updatedAt)}>
          {timeAgo(node.updatedAt, now)}
        </time>
      </td>
    </tr>
  );
}
