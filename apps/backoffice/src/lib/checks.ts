/**
 * The automatic photo checks as the reviewer reads them (Document.checks, Case.checkSummary): labels,
 * which findings matter (WARN and FAIL, worst first), the case list's summary ("2 warnings") and the
 * findings an approval must confirm.
 */

export type CheckOutcome = 'PASS' | 'WARN' | 'FAIL';

/** ReviewCheck is a DocumentCheck as the backoffice queries it. */
export interface ReviewCheck {
  name: string;
  outcome: CheckOutcome;
  score?: number | null;
  detail?: string | null;
  relatedCaseId?: string | null;
}

/** CHECK_LABEL names each check for a reviewer; an unknown name is shown as it is. */
export const CHECK_LABEL: Record<string, string> = {
  RESOLUTION: 'Resolution',
  SHARPNESS: 'Sharpness',
  EXPOSURE: 'Exposure',
  GLARE: 'Glare',
  FACE: 'Face',
  SAME_AS_PREVIOUS: 'Same photo as before',
  DUPLICATE_ELSEWHERE: 'Same photo in another case',
};

export const OUTCOME_LABEL: Record<CheckOutcome, string> = { PASS: 'passed', WARN: 'warning', FAIL: 'failed' };

export function checkLabel(name: string): string {
  return CHECK_LABEL[name] ?? name.charAt(0) + name.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** findings are the checks that warned or failed, FAILs first (each group in the server's order). */
export function findings<C extends ReviewCheck>(checks: readonly C[] | null | undefined): C[] {
  const list = checks ?? [];
  return [...list.filter((c) => c.outcome === 'FAIL'), ...list.filter((c) => c.outcome === 'WARN')];
}

/** worst is the worst outcome of the checks (PASS when there are none). */
export function worst(checks: readonly ReviewCheck[] | null | undefined): CheckOutcome {
  const list = checks ?? [];
  if (list.some((c) => c.outcome === 'FAIL')) return 'FAIL';
  if (list.some((c) => c.outcome === 'WARN')) return 'WARN';
  return 'PASS';
}

/** summaryText is the case list's line for Case.checkSummary ("1 failed, 2 warnings"), or '' when all passed. */
export function summaryText(s: { warnings: number; fails: number } | null | undefined): string {
  if (!s) return '';
  const parts: string[] = [];
  if (s.fails > 0) parts.push(`${s.fails} failed`);
  if (s.warnings > 0) parts.push(`${s.warnings} ${s.warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

/** A finding on one of the case's current photos, for the approval confirmation. */
export interface ApprovalFinding {
  /** document names the photo ("Passport", "ID card (back)"). */
  document: string;
  check: ReviewCheck;
}

/**
 * approvalFindings are the WARN and FAIL checks of the current photos, FAILs first: approving a case
 * that has any asks the reviewer to confirm them one by one.
 */
export function approvalFindings<D extends { checks?: readonly ReviewCheck[] | null }>(documents: readonly D[], name: (d: D) => string): ApprovalFinding[] {
  const all = documents.flatMap((d) => findings(d.checks).map((check) => ({ document: name(d), check })));
  return [...all.filter((f) => f.check.outcome === 'FAIL'), ...all.filter((f) => f.check.outcome === 'WARN')];
}

/** findingText is one finding in a sentence: "Passport — Sharpness warning: The photo looks blurred." */
export function findingText(f: ApprovalFinding): string {
  const detail = f.check.detail ? `: ${f.check.detail}` : '';
  return `${f.document} — ${checkLabel(f.check.name)} ${OUTCOME_LABEL[f.check.outcome]}${detail}`;
}
