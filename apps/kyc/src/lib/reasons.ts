import type { Case } from '@kyc/sdk';
import { i18n } from '@/i18n';

type ReasonCode = NonNullable<Case['reasonCode']>;

/**
 * applicantReason is what the applicant reads for a reviewer's reason: the preset code's wording
 * in their language (reasons.<CODE>), and the reviewer's own words when they wrote some. The
 * server stores the code's English wording as the reason when the reviewer wrote nothing, so a
 * reason equal to it adds nothing; OTHER has no wording, its text is the reason.
 */
export function applicantReason(code: ReasonCode | null | undefined, reason: string | null | undefined): { preset: string | null; own: string | null } {
  const text = reason?.trim() || null;
  if (!code || code === 'OTHER' || !i18n.exists(`reasons.${code}`)) return { preset: null, own: text };
  const english = i18n.getFixedT('en')(`reasons.${code}`);
  return { preset: i18n.t(`reasons.${code}`), own: text && text !== english ? text : null };
}

/** contactHref makes the support contact a link: mailto for an email address, the URL itself, tel for a phone number. */
export function contactHref(contact: string): string | null {
  const c = contact.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c)) return `mailto:${c}`;
  if (/^https?:\/\/\S+$/i.test(c)) return c;
  if (/^\+?[\d\s().-]{6,}$/.test(c)) return `tel:${c.replace(/[^\d+]/g, '')}`;
  return null;
}
