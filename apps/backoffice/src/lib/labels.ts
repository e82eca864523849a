import type { CaseStatus, Decision, DocumentSide, DocumentStatus, DocumentType, ReviewerRole } from '../gql/graphql';

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

/** The reasons a reviewer picks from; the server stores the composed text. */
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
