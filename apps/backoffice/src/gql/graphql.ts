/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptInviteInput = {
  /** At least 12 characters. */
  password: string;
  token: string;
};

export type AddNoteInput = {
  body: string;
  caseId: string | number;
};

export type AssignCaseInput = {
  caseId: string | number;
  /** Null: assign to me. */
  reviewerId?: string | number | null | undefined;
};

export type CaseFilter = {
  assignedToMe?: boolean | null | undefined;
  /** The integrator's reference given to startCase (with the API key that created the case). */
  externalId?: string | null | undefined;
  /** Applicant first name, last name or email, case-insensitive substring. */
  search?: string | null | undefined;
  status?: Array<CaseStatus> | null | undefined;
  unassigned?: boolean | null | undefined;
};

export type CaseOrder = {
  direction: OrderDirection;
  field: CaseOrderField;
};

export type CaseOrderField =
  | 'CREATED_AT'
  | 'SUBMITTED_AT'
  | 'UPDATED_AT';

/** AWAITING_SECOND_REVIEW: a decision was proposed and waits for a second reviewer (four-eyes policy); applicants see PENDING_REVIEW. */
export type CaseStatus =
  | 'APPROVED'
  | 'AWAITING_SECOND_REVIEW'
  | 'IN_PROGRESS'
  | 'PENDING_REVIEW'
  | 'REJECTED'
  | 'RESUBMISSION_REQUESTED';

/** How an automatic photo check ended. WARN: the reviewer should look closely (the applicant may continue after confirming); FAIL: the photo cannot be used and must be retaken. */
export type CheckOutcome =
  | 'FAIL'
  | 'PASS'
  | 'WARN';

/** Takes back the decision on a document, e.g. a resubmission request not yet sent to the applicant: the document is PENDING again. */
export type ClearDocumentDecisionInput = {
  documentId: string | number;
  expectedVersion: number;
};

export type ConfirmDecisionInput = {
  caseId: string | number;
  expectedVersion: number;
};

export type CreateApiKeyInput = {
  name: string;
};

export type CreateWebhookEndpointInput = {
  events: Array<string>;
  /** An https (or http) URL; private and loopback addresses are refused unless the server allows them (-webhook-allow-private). */
  url: string;
};

export type DecideCaseInput = {
  caseId: string | number;
  decision: Decision;
  /** Required for REQUEST_RESUBMISSION unless documents were already flagged. */
  documents?: Array<DocumentResubmission> | null | undefined;
  expectedVersion: number;
  /** Shown to the applicant. Required for REJECT unless reasonCode gives the wording (OTHER needs the text). */
  reason?: string | null | undefined;
  /** A preset reason for a REJECT. */
  reasonCode?: ReasonCode | null | undefined;
};

export type DecideDocumentInput = {
  decision: Decision;
  documentId: string | number;
  expectedVersion: number;
  /** Shown to the applicant. Required for REJECT and REQUEST_RESUBMISSION unless reasonCode gives the wording (OTHER needs the text). */
  reason?: string | null | undefined;
  /** A preset reason (REJECT and REQUEST_RESUBMISSION). */
  reasonCode?: ReasonCode | null | undefined;
};

export type Decision =
  | 'APPROVE'
  | 'REJECT'
  | 'REQUEST_RESUBMISSION';

export type DeleteWebhookEndpointInput = {
  id: string | number;
};

export type DocumentResubmission = {
  documentId: string | number;
  /** Shown to the applicant; may be empty when reasonCode gives the wording (not for OTHER). */
  reason: string;
  reasonCode?: ReasonCode | null | undefined;
};

export type DocumentSide =
  | 'BACK'
  | 'FRONT';

export type DocumentStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'RESUBMISSION_REQUESTED';

export type DocumentType =
  | 'DRIVERS_LICENSE'
  | 'ID_CARD'
  | 'PASSPORT'
  | 'SELFIE'
  | 'VOTER_ID';

export type EraseCaseInput = {
  caseId: string | number;
  /** Why (e.g. "GDPR Art. 17 request of 2026-11-27, ticket 1234"); recorded in the audit trail. */
  reason: string;
};

/** Which case decisions need a second reviewer: OFF (none), APPROVALS, ALL (approvals and rejections). Resubmission requests never do. */
export type FourEyesPolicy =
  | 'ALL'
  | 'APPROVALS'
  | 'OFF';

export type InviteReviewerInput = {
  email: string;
  name: string;
  role: ReviewerRole;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

/** A preset reason for refusing a document or a case. Each has a wording for the applicant (the KYC app shows it in the applicant's language): BLURRY, GLARE, CUT_OFF, EXPIRED, WRONG_DOCUMENT, FACE_NOT_VISIBLE, DOES_NOT_MATCH, and UNABLE_TO_VERIFY, the neutral one for a cause meant for the team only (e.g. suspected fraud: write that in a note). OTHER has none: the reviewer's text is the wording. */
export type ReasonCode =
  | 'BLURRY'
  | 'CUT_OFF'
  | 'DOES_NOT_MATCH'
  | 'EXPIRED'
  | 'FACE_NOT_VISIBLE'
  | 'GLARE'
  | 'OTHER'
  | 'UNABLE_TO_VERIFY'
  | 'WRONG_DOCUMENT';

/** What a preset reason is offered for: DOCUMENT, deciding one photo (re-take or reject it); CASE, rejecting the whole case. */
export type ReasonTarget =
  | 'CASE'
  | 'DOCUMENT';

export type RedeliverWebhookInput = {
  deliveryId: string | number;
};

export type ReturnDecisionInput = {
  caseId: string | number;
  expectedVersion: number;
  /** Why the proposal goes back, shown to its author. */
  reason: string;
};

/** ADMIN: also manages the team (invitations, deactivation). */
export type ReviewerRole =
  | 'ADMIN'
  | 'REVIEWER';

export type RevokeApiKeyInput = {
  id: string | number;
};

export type SetReviewerActiveInput = {
  active: boolean;
  reviewerId: string | number;
};

export type UnassignCaseInput = {
  caseId: string | number;
};

export type WebhookDeliveryStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING';

export type SessionReviewerFragment = { id: string, email: string, name: string, role: ReviewerRole };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, role: ReviewerRole } | null };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { id: string, email: string, name: string, role: ReviewerRole } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type AcceptInviteMutationVariables = Exact<{
  input: AcceptInviteInput;
}>;


export type AcceptInviteMutation = { acceptInvite: { id: string, email: string, name: string, role: ReviewerRole } };

export type CaseListItemFragment = { id: string, status: CaseStatus, version: number, revision: number, createdAt: string, updatedAt: string, submittedAt: string | null, erasedAt: string | null, applicant: { firstName: string | null, lastName: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus }>, checkSummary: { warnings: number, fails: number } };

export type ListCasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: CaseFilter | null | undefined;
  orderBy?: CaseOrder | null | undefined;
}>;


export type ListCasesQuery = { cases: { totalCount: number, totalCountCapped: boolean, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, status: CaseStatus, version: number, revision: number, createdAt: string, updatedAt: string, submittedAt: string | null, erasedAt: string | null, applicant: { firstName: string | null, lastName: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus }>, checkSummary: { warnings: number, fails: number } } }> } };

export type CaseFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CaseFeedSubscription = { caseFeed: { id: string, caseId: string, type: string, actor: string, createdAt: string } };

export type ReviewSlaQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewSlaQuery = { reviewPolicy: { reviewSlaSeconds: number } };

export type ApiKeyFieldsFragment = { id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type WebhookEndpointFieldsFragment = { id: string, url: string, events: Array<string>, createdAt: string };

export type WebhookDeliveryFieldsFragment = { id: string, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, caseId: string | null };

export type IntegrationsQueryVariables = Exact<{ [key: string]: never; }>;


export type IntegrationsQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }>, webhookEndpoints: Array<{ id: string, url: string, events: Array<string>, createdAt: string }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first?: number | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { totalCount: number, edges: Array<{ node: { id: string, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, caseId: string | null } }> } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string, url: string, events: Array<string>, createdAt: string } } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  input: DeleteWebhookEndpointInput;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: boolean };

export type RedeliverWebhookMutationVariables = Exact<{
  input: RedeliverWebhookInput;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { id: string, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, caseId: string | null } };

export type DocumentFieldsFragment = { id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> };

export type CaseDetailFragment = { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> };

export type GetCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type GetCaseQuery = { node:
    | { __typename: 'Case', id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> }
    | { __typename: 'CaseEvent' }
    | { __typename: 'Document' }
    | { __typename: 'Note' }
    | { __typename: 'Reviewer' }
   | null };

export type CaseUpdatedSubscriptionVariables = Exact<{
  caseId: string | number;
}>;


export type CaseUpdatedSubscription = { caseUpdated: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type NextCaseQueryVariables = Exact<{ [key: string]: never; }>;


export type NextCaseQuery = { cases: { edges: Array<{ node: { id: string, assignee: { id: string } | null } }> } };

export type ReviewPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewPolicyQuery = { reviewPolicy: { fourEyes: FourEyesPolicy, reviewSlaSeconds: number } };

export type DecideDocumentMutationVariables = Exact<{
  input: DecideDocumentInput;
}>;


export type DecideDocumentMutation = { decideDocument: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type ClearDocumentDecisionMutationVariables = Exact<{
  input: ClearDocumentDecisionInput;
}>;


export type ClearDocumentDecisionMutation = { clearDocumentDecision: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type DecideCaseMutationVariables = Exact<{
  input: DecideCaseInput;
}>;


export type DecideCaseMutation = { decideCase: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type ConfirmDecisionMutationVariables = Exact<{
  input: ConfirmDecisionInput;
}>;


export type ConfirmDecisionMutation = { confirmDecision: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type ReturnDecisionMutationVariables = Exact<{
  input: ReturnDecisionInput;
}>;


export type ReturnDecisionMutation = { returnDecision: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type AssignCaseMutationVariables = Exact<{
  input: AssignCaseInput;
}>;


export type AssignCaseMutation = { assignCase: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type UnassignCaseMutationVariables = Exact<{
  input: UnassignCaseInput;
}>;


export type UnassignCaseMutation = { unassignCase: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type AddNoteMutationVariables = Exact<{
  input: AddNoteInput;
}>;


export type AddNoteMutation = { addNote: { id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } } };

export type EraseCaseMutationVariables = Exact<{
  input: EraseCaseInput;
}>;


export type EraseCaseMutation = { eraseCase: { id: string, state: string, status: CaseStatus, version: number, revision: number, reason: string | null, reasonCode: ReasonCode | null, externalId: string | null, metadata: Record<string, unknown> | null, erasedAt: string | null, documentsPurgedAt: string | null, availableDecisions: Array<Decision>, selectedDocumentType: DocumentType | null, createdAt: string, updatedAt: string, submittedAt: string | null, decidedAt: string | null, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, assignee: { id: string, name: string, email: string, active: boolean } | null, proposedDecision: { decision: Decision, reason: string | null, at: string, by: { id: string, name: string, email: string } } | null, returnedDecision: { decision: Decision, reason: string | null, at: string, returnReason: string, returnedAt: string, by: { id: string, name: string, email: string }, returnedBy: { id: string, name: string, email: string } } | null, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, documentHistory: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, submitted: boolean, revision: number, url: string, contentType: string, size: number, sha256: string, width: number | null, height: number | null, createdAt: string, purgedAt: string | null, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null, relatedCaseId: string | null }> }>, events: Array<{ id: string, type: string, actor: string, fromState: string | null, toState: string | null, data: string | null, hash: string, createdAt: string }>, auditChain: { valid: boolean, checkedEvents: number, firstBrokenEventId: string | null, detail: string | null }, notes: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string, email: string } }> } };

export type ReviewersQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewersQuery = { reviewers: Array<{ id: string, name: string, email: string, active: boolean }> };

export type ReasonPresetsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReasonPresetsQuery = { reasonPresets: Array<{ code: ReasonCode, applicantText: string, appliesTo: Array<ReasonTarget> }> };

export type TeamMemberFragment = { id: string, email: string, name: string, role: ReviewerRole, active: boolean, lastSignInAt: string | null, invitePending: boolean };

export type TeamQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamQuery = { reviewers: Array<{ id: string, email: string, name: string, role: ReviewerRole, active: boolean, lastSignInAt: string | null, invitePending: boolean }> };

export type InviteReviewerMutationVariables = Exact<{
  input: InviteReviewerInput;
}>;


export type InviteReviewerMutation = { inviteReviewer: { inviteUrl: string, reviewer: { id: string, email: string, name: string, role: ReviewerRole, active: boolean, lastSignInAt: string | null, invitePending: boolean } } };

export type SetReviewerActiveMutationVariables = Exact<{
  input: SetReviewerActiveInput;
}>;


export type SetReviewerActiveMutation = { setReviewerActive: { id: string, email: string, name: string, role: ReviewerRole, active: boolean, lastSignInAt: string | null, invitePending: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SessionReviewerFragmentDoc = new TypedDocumentString(`
    fragment SessionReviewer on Reviewer {
  id
  email
  name
  role
}
    `, {"fragmentName":"SessionReviewer"}) as unknown as TypedDocumentString<SessionReviewerFragment, unknown>;
export const CaseListItemFragmentDoc = new TypedDocumentString(`
    fragment CaseListItem on Case {
  id
  status
  version
  revision
  applicant {
    firstName
    lastName
    email
  }
  assignee {
    id
    name
    email
    active
  }
  documents {
    id
    type
    side
    status
  }
  createdAt
  updatedAt
  submittedAt
  erasedAt
  checkSummary {
    warnings
    fails
  }
}
    `, {"fragmentName":"CaseListItem"}) as unknown as TypedDocumentString<CaseListItemFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"ApiKeyFields"}) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  events
  createdAt
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventType
  status
  attempts
  lastStatusCode
  lastError
  nextAttemptAt
  deliveredAt
  createdAt
  caseId
}
    `, {"fragmentName":"WebhookDeliveryFields"}) as unknown as TypedDocumentString<WebhookDeliveryFieldsFragment, unknown>;
export const DocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
    `, {"fragmentName":"DocumentFields"}) as unknown as TypedDocumentString<DocumentFieldsFragment, unknown>;
export const CaseDetailFragmentDoc = new TypedDocumentString(`
    fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}`, {"fragmentName":"CaseDetail"}) as unknown as TypedDocumentString<CaseDetailFragment, unknown>;
export const TeamMemberFragmentDoc = new TypedDocumentString(`
    fragment TeamMember on Reviewer {
  id
  email
  name
  role
  active
  lastSignInAt
  invitePending
}
    `, {"fragmentName":"TeamMember"}) as unknown as TypedDocumentString<TeamMemberFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...SessionReviewer
  }
}
    fragment SessionReviewer on Reviewer {
  id
  email
  name
  role
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    ...SessionReviewer
  }
}
    fragment SessionReviewer on Reviewer {
  id
  email
  name
  role
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const AcceptInviteDocument = new TypedDocumentString(`
    mutation AcceptInvite($input: AcceptInviteInput!) {
  acceptInvite(input: $input) {
    ...SessionReviewer
  }
}
    fragment SessionReviewer on Reviewer {
  id
  email
  name
  role
}`) as unknown as TypedDocumentString<AcceptInviteMutation, AcceptInviteMutationVariables>;
export const ListCasesDocument = new TypedDocumentString(`
    query ListCases($first: Int, $after: String, $last: Int, $before: String, $filter: CaseFilter, $orderBy: CaseOrder) {
  cases(
    first: $first
    after: $after
    last: $last
    before: $before
    filter: $filter
    orderBy: $orderBy
  ) {
    totalCount
    totalCountCapped
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      cursor
      node {
        ...CaseListItem
      }
    }
  }
}
    fragment CaseListItem on Case {
  id
  status
  version
  revision
  applicant {
    firstName
    lastName
    email
  }
  assignee {
    id
    name
    email
    active
  }
  documents {
    id
    type
    side
    status
  }
  createdAt
  updatedAt
  submittedAt
  erasedAt
  checkSummary {
    warnings
    fails
  }
}`) as unknown as TypedDocumentString<ListCasesQuery, ListCasesQueryVariables>;
export const CaseFeedDocument = new TypedDocumentString(`
    subscription CaseFeed {
  caseFeed {
    id
    caseId
    type
    actor
    createdAt
  }
}
    `) as unknown as TypedDocumentString<CaseFeedSubscription, CaseFeedSubscriptionVariables>;
export const ReviewSlaDocument = new TypedDocumentString(`
    query ReviewSla {
  reviewPolicy {
    reviewSlaSeconds
  }
}
    `) as unknown as TypedDocumentString<ReviewSlaQuery, ReviewSlaQueryVariables>;
export const IntegrationsDocument = new TypedDocumentString(`
    query Integrations {
  apiKeys {
    ...ApiKeyFields
  }
  webhookEndpoints {
    ...WebhookEndpointFields
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}
fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  events
  createdAt
}`) as unknown as TypedDocumentString<IntegrationsQuery, IntegrationsQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($endpointId: ID!, $first: Int) {
  webhookDeliveries(endpointId: $endpointId, first: $first) {
    totalCount
    edges {
      node {
        ...WebhookDeliveryFields
      }
    }
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventType
  status
  attempts
  lastStatusCode
  lastError
  nextAttemptAt
  deliveredAt
  createdAt
  caseId
}`) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    secret
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    ...ApiKeyFields
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint {
      ...WebhookEndpointFields
    }
    secret
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  events
  createdAt
}`) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
  deleteWebhookEndpoint(input: $input)
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
  redeliverWebhook(input: $input) {
    ...WebhookDeliveryFields
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventType
  status
  attempts
  lastStatusCode
  lastError
  nextAttemptAt
  deliveredAt
  createdAt
  caseId
}`) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;
export const GetCaseDocument = new TypedDocumentString(`
    query GetCase($id: ID!) {
  node(id: $id) {
    __typename
    ... on Case {
      ...CaseDetail
    }
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<GetCaseQuery, GetCaseQueryVariables>;
export const CaseUpdatedDocument = new TypedDocumentString(`
    subscription CaseUpdated($caseId: ID!) {
  caseUpdated(caseId: $caseId) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<CaseUpdatedSubscription, CaseUpdatedSubscriptionVariables>;
export const NextCaseDocument = new TypedDocumentString(`
    query NextCase {
  cases(
    first: 20
    filter: {status: [PENDING_REVIEW]}
    orderBy: {field: SUBMITTED_AT, direction: ASC}
  ) {
    edges {
      node {
        id
        assignee {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NextCaseQuery, NextCaseQueryVariables>;
export const ReviewPolicyDocument = new TypedDocumentString(`
    query ReviewPolicy {
  reviewPolicy {
    fourEyes
    reviewSlaSeconds
  }
}
    `) as unknown as TypedDocumentString<ReviewPolicyQuery, ReviewPolicyQueryVariables>;
export const DecideDocumentDocument = new TypedDocumentString(`
    mutation DecideDocument($input: DecideDocumentInput!) {
  decideDocument(input: $input) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<DecideDocumentMutation, DecideDocumentMutationVariables>;
export const ClearDocumentDecisionDocument = new TypedDocumentString(`
    mutation ClearDocumentDecision($input: ClearDocumentDecisionInput!) {
  clearDocumentDecision(input: $input) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<ClearDocumentDecisionMutation, ClearDocumentDecisionMutationVariables>;
export const DecideCaseDocument = new TypedDocumentString(`
    mutation DecideCase($input: DecideCaseInput!) {
  decideCase(input: $input) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<DecideCaseMutation, DecideCaseMutationVariables>;
export const ConfirmDecisionDocument = new TypedDocumentString(`
    mutation ConfirmDecision($input: ConfirmDecisionInput!) {
  confirmDecision(input: $input) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<ConfirmDecisionMutation, ConfirmDecisionMutationVariables>;
export const ReturnDecisionDocument = new TypedDocumentString(`
    mutation ReturnDecision($input: ReturnDecisionInput!) {
  returnDecision(input: $input) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<ReturnDecisionMutation, ReturnDecisionMutationVariables>;
export const AssignCaseDocument = new TypedDocumentString(`
    mutation AssignCase($input: AssignCaseInput!) {
  assignCase(input: $input) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<AssignCaseMutation, AssignCaseMutationVariables>;
export const UnassignCaseDocument = new TypedDocumentString(`
    mutation UnassignCase($input: UnassignCaseInput!) {
  unassignCase(input: $input) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<UnassignCaseMutation, UnassignCaseMutationVariables>;
export const AddNoteDocument = new TypedDocumentString(`
    mutation AddNote($input: AddNoteInput!) {
  addNote(input: $input) {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
}
    `) as unknown as TypedDocumentString<AddNoteMutation, AddNoteMutationVariables>;
export const EraseCaseDocument = new TypedDocumentString(`
    mutation EraseCase($input: EraseCaseInput!) {
  eraseCase(input: $input) {
    ...CaseDetail
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  submitted
  revision
  url
  contentType
  size
  sha256
  width
  height
  createdAt
  purgedAt
  checks {
    name
    outcome
    score
    detail
    relatedCaseId
  }
}
fragment CaseDetail on Case {
  id
  state
  status
  version
  revision
  reason
  reasonCode
  externalId
  metadata
  erasedAt
  documentsPurgedAt
  availableDecisions
  selectedDocumentType
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  assignee {
    id
    name
    email
    active
  }
  proposedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
  }
  returnedDecision {
    decision
    reason
    at
    by {
      id
      name
      email
    }
    returnedBy {
      id
      name
      email
    }
    returnReason
    returnedAt
  }
  documents {
    ...DocumentFields
  }
  documentHistory {
    ...DocumentFields
  }
  events {
    id
    type
    actor
    fromState
    toState
    data
    hash
    createdAt
  }
  auditChain {
    valid
    checkedEvents
    firstBrokenEventId
    detail
  }
  notes {
    id
    body
    createdAt
    author {
      id
      name
      email
    }
  }
  createdAt
  updatedAt
  submittedAt
  decidedAt
}`) as unknown as TypedDocumentString<EraseCaseMutation, EraseCaseMutationVariables>;
export const ReviewersDocument = new TypedDocumentString(`
    query Reviewers {
  reviewers {
    id
    name
    email
    active
  }
}
    `) as unknown as TypedDocumentString<ReviewersQuery, ReviewersQueryVariables>;
export const ReasonPresetsDocument = new TypedDocumentString(`
    query ReasonPresets {
  reasonPresets {
    code
    applicantText
    appliesTo
  }
}
    `) as unknown as TypedDocumentString<ReasonPresetsQuery, ReasonPresetsQueryVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team {
  reviewers {
    ...TeamMember
  }
}
    fragment TeamMember on Reviewer {
  id
  email
  name
  role
  active
  lastSignInAt
  invitePending
}`) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const InviteReviewerDocument = new TypedDocumentString(`
    mutation InviteReviewer($input: InviteReviewerInput!) {
  inviteReviewer(input: $input) {
    reviewer {
      ...TeamMember
    }
    inviteUrl
  }
}
    fragment TeamMember on Reviewer {
  id
  email
  name
  role
  active
  lastSignInAt
  invitePending
}`) as unknown as TypedDocumentString<InviteReviewerMutation, InviteReviewerMutationVariables>;
export const SetReviewerActiveDocument = new TypedDocumentString(`
    mutation SetReviewerActive($input: SetReviewerActiveInput!) {
  setReviewerActive(input: $input) {
    ...TeamMember
  }
}
    fragment TeamMember on Reviewer {
  id
  email
  name
  role
  active
  lastSignInAt
  invitePending
}`) as unknown as TypedDocumentString<SetReviewerActiveMutation, SetReviewerActiveMutationVariables>;