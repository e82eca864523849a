import type { CaseStatus, Decision, DocumentSide, DocumentStatus, DocumentType, ReasonCode, ReviewerRole } from '../gql/graphql';

export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  IN_PROGRESS: 'In progress',
  PENDING_REVIEW: 'Pending review',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  RESUBMISSION_REQUESTED: 'Resubmission requested',
  AWAITING_SECOND_REVIEW: 'Needs second review',
};

export const ROLE_LABEL: Record<ReviewerRole, string> = {
  ADMIN: 'Admin',
  REVIEWER: 'Reviewer',
};

/** What a proposed decision would do, for the four-eyes panel: "Approve", "Reject". */
export const PROPOSAL_LABEL: Record<Decision, string> = {
  APPROVE: 'Approve',
  REJECT: 'Reject',
  REQUEST_RESUBMISSION: 'Request resubmission',
};

export const DOCUMENT_STATUS_LABEL: Record<DocumentStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  RESUBMISSION_REQUESTED: 'Resubmission requested',
};

export const DOCUMENT_TYPE_LABEL: Record<DocumentType, string> = {
  ID_CARD: 'ID card',
  PASSPORT: 'Passport',
  DRIVERS_LICENSE: "Driver's license",
  VOTER_ID: 'Voter ID',
  SELFIE: 'Selfie',
};

export const DECISION_LABEL: Record<Decision, string> = {
  APPROVE: 'Approve case',
  REJECT: 'Reject case',
  REQUEST_RESUBMISSION: 'Request resubmission',
};

/** documentLabel names a document for headings and messages: "ID card (back)", "Selfie". */
export function documentLabel(doc: { type: DocumentType; side?: DocumentSide | null }): string {
  const type = DOCUMENT_TYPE_LABEL[doc.type];
  if (!doc.side || doc.type === 'SELFIE') return type;
  // A single-sided document (the common case) is named by its type alone; the back is spelled out.
  return doc.side === 'BACK' ? `${type} (back)` : type;
}

/** documentsSummary names a case's documents for the list, once per type: "ID card (both sides), Selfie". */
export function documentsSummary(docs: readonly { type: DocumentType; side?: DocumentSide | null }[]): string {
  const types = [...new Set(docs.map((d) => d.type))];
  return types
    .map((t) => {
      const sides = new Set(docs.filter((d) => d.type === t).map((d) => d.side ?? 'FRONT'));
      const name = DOCUMENT_TYPE_LABEL[t];
      if (t === 'SELFIE') return name;
      if (sides.has('BACK')) return sides.has('FRONT') ? `${name} (both sides)` : `${name} (back)`;
      return name;
    })
    .join(', ');
}

/** ERASED_NAME stands for the applicant of an erased case (their details are gone). */
export const ERASED_NAME = 'Erased';

export function applicantName(
  a: { firstName?: string | null; lastName?: string | null; email?: string | null },
  erasedAt?: string | null,
): string {
  if (erasedAt) return ERASED_NAME;
  const name = [a.firstName, a.lastName].filter(Boolean).join(' ').trim();
  return name || a.email || 'Unnamed applicant';
}

/**
 * How a document's status reads inside a sentence ("while the ID card is flagged for
 * resubmission"): the status labels are headings, not predicates.
 */
export const DOCUMENT_STATUS_PHRASE: Record<DocumentStatus, string> = {
  PENDING: 'is pending',
  APPROVED: 'is approved',
  REJECTED: 'is rejected',
  RESUBMISSION_REQUESTED: 'is flagged for resubmission',
};

/** caseStatusSentence says where a case stands, as a sentence ("This case waits for the applicant to re-take photos."). */
export function caseStatusSentence(status: CaseStatus): string {
  switch (status) {
    case 'IN_PROGRESS':
      return 'The applicant has not submitted this case yet.';
    case 'PENDING_REVIEW':
      return 'This case is waiting for review.';
    case 'RESUBMISSION_REQUESTED':
      return 'This case waits for the applicant to re-take the requested photos.';
    case 'AWAITING_SECOND_REVIEW':
      return 'This case waits for a second reviewer.';
    case 'APPROVED':
      return 'This case was approved.';
    case 'REJECTED':
      return 'This case was rejected.';
  }
}

/** A reason a reviewer picks: its code, its name for the team, and for some a note kept for the team only. */
export interface ReasonPreset {
  key: string;
  code: ReasonCode;
  label: string;
  /** note: recorded as a team note (addNote) with the decision; the applicant reads only the code's neutral wording. */
  note?: string;
}

export const REASON_LABEL: Record<ReasonCode, string> = {
  BLURRY: 'Blurry photo',
  GLARE: 'Glare on the document',
  CUT_OFF: 'Document cut off',
  EXPIRED: 'Expired document',
  WRONG_DOCUMENT: 'Wrong document',
  FACE_NOT_VISIBLE: 'Face not visible',
  DOES_NOT_MATCH: 'Selfie does not match the document',
  UNABLE_TO_VERIFY: 'Identity could not be verified',
  OTHER: 'Other',
};

const preset = (code: ReasonCode): ReasonPreset => ({ key: code, code, label: REASON_LABEL[code] });

/** The reasons for flagging or rejecting one photo. */
export const DOCUMENT_REASONS: readonly ReasonPreset[] = (
  ['BLURRY', 'GLARE', 'CUT_OFF', 'EXPIRED', 'WRONG_DOCUMENT', 'FACE_NOT_VISIBLE', 'DOES_NOT_MATCH', 'OTHER'] as const
).map(preset);

/** The reasons for rejecting a case. Suspected fraud is said to the team only: the applicant reads the neutral wording. */
export const CASE_REJECT_REASONS: readonly ReasonPreset[] = [
  preset('DOES_NOT_MATCH'),
  preset('EXPIRED'),
  preset('UNABLE_TO_VERIFY'),
  { key: 'SUSPECTED_FRAUD', code: 'UNABLE_TO_VERIFY', label: 'Suspected fraud (the applicant is not told)', note: 'Suspected fraud' },
  preset('OTHER'),
];

/** waitingTime says how long a submitted case has waited: "waiting 3 h", "waiting 2 days". */
export function waitingTime(submittedAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(submittedAt)) / 60_000));
  if (minutes < 1) return 'waiting less than a minute';
  if (minutes < 60) return `waiting ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `waiting ${hours} h`;
  return `waiting ${Math.floor(hours / 24)} days`;
}

/** formatSla names a review SLA: "24 h", "90 min". */
export function formatSla(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600} h` : `${Math.round(seconds / 60)} min`;
}

/** overSla reports whether a case submitted at submittedAt has waited longer than the SLA. */
export function overSla(submittedAt: string, now: number, slaSeconds: number): boolean {
  return now - Date.parse(submittedAt) > slaSeconds * 1000;
}

/** The free-text reasons of earlier versions (composeReason); the decision dialog now picks a ReasonPreset. */
export const REASONS = [
  'Blurry image',
  'Expired document',
  'Missing page',
  'Document does not match applicant',
  'Suspected fraud',
  'Other',
] as const;
export type ReasonChoice = (typeof REASONS)[number];

/** composeReason joins the picked reason and the optional comment into the text the applicant sees. */
export function composeReason(choice: string, comment: string): string {
  const c = comment.trim();
  if (!choice) return c;
  if (!c) return choice;
  return `${choice}: ${c}`;
}

const EVENT_LABEL: Record<string, string> = {
  CASE_STARTED: 'Case started',
  STATE_CHANGED: 'Step changed',
  DOCUMENT_UPLOADED: 'Document uploaded',
  CASE_SUBMITTED: 'Submitted for review',
  CASE_ASSIGNED: 'Assigned',
  CASE_UNASSIGNED: 'Unassigned',
  DOCUMENT_DECIDED: 'Document decided',
  CASE_DECIDED: 'Case decided',
  NOTE_ADDED: 'Note added',
  DOCUMENT_DECISION_CLEARED: 'Document unflagged',
  DECISION_PROPOSED: 'Decision proposed',
  DECISION_CONFIRMED: 'Decision confirmed',
  DECISION_RETURNED: 'Decision returned',
  APPLICANT_ERASED: 'Applicant data erased',
  DOCUMENTS_PURGED: 'Photos deleted (retention)',
};

export function eventLabel(type: string): string {
  return EVENT_LABEL[type] ?? type.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** actorLabel turns "reviewer:a@b" into "a@b", keeps "applicant" and "system" readable. */
export function actorLabel(actor: string): string {
  if (actor.startsWith('reviewer:')) return actor.slice('reviewer:'.length);
  if (actor === 'applicant') return 'Applicant';
  if (actor === 'system') return 'System';
  return actor;
}
