/**
 * What the applicant is told about the automatic checks of a photo (Document.checks, or the local
 * checks of photo-prep before an upload): which checks to mention, in which order, under which
 * message key (locales: "checks.*"), and whether the photo can be used, used after confirming, or
 * must be retaken. DUPLICATE_ELSEWHERE is for reviewers only and is never mentioned here, even if a
 * server sent it; a check this app does not know gets one generic line.
 */

export type CheckOutcome = 'PASS' | 'WARN' | 'FAIL';

/** PhotoCheck is the part of a DocumentCheck the applicant's app reads. */
export interface PhotoCheck {
  name: string;
  outcome: CheckOutcome;
  score?: number | null;
  detail?: string | null;
}

/** Checks the app has its own words for; any other name reads as checks.other. */
export const KNOWN_CHECKS = ['RESOLUTION', 'SHARPNESS', 'EXPOSURE', 'GLARE', 'FACE', 'SAME_AS_PREVIOUS'] as const;
/** HIDDEN_CHECKS are never shown to an applicant. */
export const HIDDEN_CHECKS = new Set(['DUPLICATE_ELSEWHERE']);

/** Verdict of a photo for its step: ok, warn (may continue after confirming), fail (must retake). */
export type Verdict = 'ok' | 'warn' | 'fail';

/** CHECK_KEYS are the locale keys of the messages about checks (each in every catalog). */
export const CHECK_KEYS = [
  'checks.RESOLUTION',
  'checks.SHARPNESS',
  'checks.SHARPNESS_selfie',
  'checks.EXPOSURE_dark',
  'checks.EXPOSURE_bright',
  'checks.EXPOSURE_uniform',
  'checks.GLARE',
  'checks.FACE',
  'checks.FACE_selfie',
  'checks.SAME_AS_PREVIOUS',
  'checks.SAME_AS_PREVIOUS_FAIL',
  'checks.other',
] as const;

/** CheckKey is the locale key of one message about a check. */
export type CheckKey = (typeof CHECK_KEYS)[number];

/** CheckLine is one message: its locale key and the outcome it speaks for. */
export interface CheckLine {
  key: CheckKey;
  outcome: 'WARN' | 'FAIL';
}

/** verdict is the worst outcome of the checks the applicant may see. */
export function verdict(checks: readonly PhotoCheck[] | null | undefined): Verdict {
  let v: Verdict = 'ok';
  for (const c of checks ?? []) {
    if (HIDDEN_CHECKS.has(c.name)) continue;
    if (c.outcome === 'FAIL') return 'fail';
    if (c.outcome === 'WARN') v = 'warn';
  }
  return v;
}

/**
 * exposureWay says whether an EXPOSURE finding is a dark, a bright or a flat (near-uniform) photo:
 * from the detail's words when it says so, else from the score (mean brightness, 0–1).
 */
export function exposureWay(c: PhotoCheck): 'dark' | 'bright' | 'uniform' {
  const d = (c.detail ?? '').toLowerCase();
  if (/uniform|flat|one colou?r|nothing/.test(d)) return 'uniform';
  if (/dark|under/.test(d)) return 'dark';
  if (/bright|washed|over|white/.test(d)) return 'bright';
  return c.score != null && c.score > 0.5 ? 'bright' : 'dark';
}

/** keyFor is the message key of one WARN or FAIL check; isSelfie picks the selfie's wording where it differs. */
export function keyFor(c: PhotoCheck, isSelfie: boolean): CheckKey {
  switch (c.name) {
    case 'RESOLUTION':
      return 'checks.RESOLUTION';
    case 'SHARPNESS':
      return isSelfie ? 'checks.SHARPNESS_selfie' : 'checks.SHARPNESS';
    case 'EXPOSURE':
      return `checks.EXPOSURE_${exposureWay(c)}`;
    case 'GLARE':
      return 'checks.GLARE';
    case 'FACE':
      return isSelfie ? 'checks.FACE_selfie' : 'checks.FACE';
    case 'SAME_AS_PREVIOUS':
      return c.outcome === 'FAIL' ? 'checks.SAME_AS_PREVIOUS_FAIL' : 'checks.SAME_AS_PREVIOUS';
    default:
      return 'checks.other';
  }
}

/**
 * checkLines are the messages for a photo's checks: FAILs first, then WARNs, each message once
 * (unknown checks share one generic line), hidden checks left out.
 */
export function checkLines(checks: readonly PhotoCheck[] | null | undefined, isSelfie: boolean): CheckLine[] {
  const shown = (checks ?? []).filter((c) => !HIDDEN_CHECKS.has(c.name) && (c.outcome === 'WARN' || c.outcome === 'FAIL'));
  const ordered = [...shown.filter((c) => c.outcome === 'FAIL'), ...shown.filter((c) => c.outcome === 'WARN')];
  const seen = new Set<CheckKey>();
  const out: CheckLine[] = [];
  for (const c of ordered) {
    const key = keyFor(c, isSelfie);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, outcome: c.outcome as 'WARN' | 'FAIL' });
  }
  return out;
}

/**
 * stepRefusal is why Continue is held on a photo step, as a message key, or null: a photo whose
 * checks FAIL must be retaken (the server and the SDK refuse too); one with warnings must be
 * confirmed ("Use this photo anyway", its id in accepted) or retaken. Pass only the photos the
 * applicant may change (not those kept during a resubmission).
 */
export function stepRefusal(
  photos: readonly ({ id: string; checks?: readonly PhotoCheck[] | null } | null | undefined)[],
  accepted: ReadonlySet<string>,
): 'checks.mustRetake' | 'checks.confirmFirst' | null {
  const present = photos.filter((p): p is NonNullable<typeof p> => !!p);
  if (present.some((p) => verdict(p.checks) === 'fail')) return 'checks.mustRetake';
  if (present.some((p) => verdict(p.checks) === 'warn' && !accepted.has(p.id))) return 'checks.confirmFirst';
  return null;
}
