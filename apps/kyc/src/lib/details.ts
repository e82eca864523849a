/**
 * The applicant's details as the welcome step asks for them, and the same rules as the server's
 * (workflow/details.go), checked here first so that a mistake is shown at once, next to its field.
 */

/** Details are the form's values; dateOfBirth is YYYY-MM-DD (what <input type="date"> gives). */
export interface Details {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
}

export type DetailsField = keyof Details;

/** The error keys (src/i18n/locales: welcome.fieldErrors.*) a field can get. */
export type DetailsErrorKey =
  | 'firstName'
  | 'lastName'
  | 'dateOfBirthMissing'
  | 'dateOfBirthInvalid'
  | 'dateOfBirthFuture'
  | 'dateOfBirthTooYoung'
  | 'dateOfBirthTooOld'
  | 'email'
  | 'tooLong';

export const MIN_AGE = 16;
export const MAX_AGE = 120;
const MAX_NAME = 200;
const MAX_EMAIL = 320;

/** ageOn is the age in whole years on `day` of someone born on `dob` (both Y-M-D). */
export function ageOn(dob: { y: number; m: number; d: number }, day: { y: number; m: number; d: number }): number {
  let age = day.y - dob.y;
  if (day.m < dob.m || (day.m === dob.m && day.d < dob.d)) age--;
  return age;
}

/** parseDate reads YYYY-MM-DD as a real calendar date (no 30 February), else null. */
export function parseDate(s: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

// One address, a dot in the domain, no spaces: what the server's net/mail check accepts for
// ordinary addresses (it has the last word).
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\].]+$/;

/** checkDetails returns the error key of each field that breaks a rule (none: an empty object). */
export function checkDetails(v: Details, today = new Date()): Partial<Record<DetailsField, DetailsErrorKey>> {
  const errors: Partial<Record<DetailsField, DetailsErrorKey>> = {};
  for (const f of ['firstName', 'lastName'] as const) {
    const s = v[f].trim();
    if (!s) errors[f] = f;
    else if ([...s].length > MAX_NAME) errors[f] = 'tooLong';
  }
  const dob = v.dateOfBirth.trim();
  if (!dob) errors.dateOfBirth = 'dateOfBirthMissing';
  else {
    const d = parseDate(dob);
    const now = { y: today.getFullYear(), m: today.getMonth() + 1, d: today.getDate() };
    if (!d) errors.dateOfBirth = 'dateOfBirthInvalid';
    else if (dob >= isoDate(now)) errors.dateOfBirth = 'dateOfBirthFuture'; // ISO dates sort as strings
    else if (ageOn(d, now) < MIN_AGE) errors.dateOfBirth = 'dateOfBirthTooYoung';
    else if (ageOn(d, now) > MAX_AGE) errors.dateOfBirth = 'dateOfBirthTooOld';
  }
  const email = v.email.trim();
  if (email && ([...email].length > MAX_EMAIL || !EMAIL.test(email))) errors.email = 'email';
  return errors;
}

function isoDate(d: { y: number; m: number; d: number }): string {
  return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

/** normalise trims the values the way the server stores them (inner spaces of names collapsed). */
export function normalise(v: Details): Details {
  const collapse = (s: string) => s.trim().split(/\s+/).filter(Boolean).join(' ');
  return { firstName: collapse(v.firstName), lastName: collapse(v.lastName), dateOfBirth: v.dateOfBirth.trim(), email: v.email.trim() };
}
