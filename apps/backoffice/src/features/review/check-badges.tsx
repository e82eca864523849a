import { useId, useState } from 'react';
import { Link } from '../../app/router';
import { checkLabel, findings, OUTCOME_LABEL, summaryText, type ReviewCheck } from '../../lib/checks';

/**
 * CheckBadges are a photo's automatic checks: a badge per warning (amber) and failure (red), each
 * opening its detail on hover (title) or tap (the badge is a button), the detail also being the
 * badge's description for screen readers. All passed: one quiet line. DUPLICATE_ELSEWHERE links to
 * the other case.
 */
export function CheckBadges({ checks }: { checks: readonly ReviewCheck[] | null | undefined }) {
  const list = findings(checks);
  if (!checks || checks.length === 0) return null;
  if (list.length === 0) {
    return (
      <p className="checks-passed muted" data-checks="PASS">
        Automatic checks passed
      </p>
    );
  }
  return (
    <ul className="checks" aria-label="Automatic checks">
      {list.map((c) => (
        <CheckBadge key={c.name} check={c} />
      ))}
    </ul>
  );
}

function CheckBadge({ check }: { check: ReviewCheck }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const detail = check.detail || 'No detail given.';
  return (
    <li className="check-item" data-check={check.name} data-check-outcome={check.outcome}>
      <button
        type="button"
        className={`check-badge check-${check.outcome.toLowerCase()}`}
        title={detail}
        aria-expanded={open}
        aria-describedby={detailId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true" className="check-icon">
          {check.outcome === 'FAIL' ? '✕' : '!'}
        </span>
        {checkLabel(check.name)}: {OUTCOME_LABEL[check.outcome]}
      </button>
      <span id={detailId} className={open ? 'check-detail' : 'visually-hidden'}>
        {detail}
      </span>
      {check.name === 'DUPLICATE_ELSEWHERE' && check.relatedCaseId && (
        <Link to={`cases/${encodeURIComponent(check.relatedCaseId)}`} className="check-related">
          Open the other case
        </Link>
      )}
    </li>
  );
}

/** CheckSummaryBadge is the case list's line for Case.checkSummary ("1 failed, 2 warnings"); nothing when all passed. */
export function CheckSummaryBadge({ summary }: { summary: { warnings: number; fails: number } | null | undefined }) {
  const text = summaryText(summary);
  if (!text || !summary) return null;
  return (
    <span className={`sub case-checks case-checks-${summary.fails > 0 ? 'fail' : 'warn'}`} data-check-summary title="Automatic photo checks of the current photos">
      <span className="visually-hidden">Photo checks: </span>
      {text}
    </span>
  );
}
