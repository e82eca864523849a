/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The applicant's personal details, as asked on the welcome step. */
export type ApplicantDetailsInput = {
  caseId: string | number;
  /** YYYY-MM-DD: a real date in the past, for an age of 16 to 120 on the server's day (UTC). */
  dateOfBirth: string;
  /** Optional; when given, one plain address (name@example.com). Null or empty clears it. */
  email?: string | null | undefined;
  /** When given and stale: CONFLICT. */
  expectedVersion?: number | null | undefined;
  firstName: string;
  lastName: string;
};

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

export type SendCaseEventInput = {
  caseId: string | number;
  /** Required with USER_NEXT_STEP from document_selection. */
  documentType?: DocumentType | null | undefined;
  /** USER_NEXT_STEP or USER_PREV_STEP. */
  event: string;
  /** When given and stale: CONFLICT. */
  expectedVersion?: number | null | undefined;
};

export type StartCaseInput = {
  /** YYYY-MM-DD, a real date for an age of 16 to 120. Each detail given is checked as in updateMyDetails (BAD_USER_INPUT naming the field in extensions.field); none is required here. */
  dateOfBirth?: string | null | undefined;
  email?: string | null | undefined;
  /** The integrator's reference for this applicant, unique per API key. Needs an API key. One already used by this key is refused with CONFLICT (extensions.field externalId): find that case with cases(filter: {externalId}). */
  externalId?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  /** The integrator's own data (a JSON object of at most 4 KB), returned as given. Needs an API key. */
  metadata?: Record<string, unknown> | null | undefined;
};

export type UploadDocumentInput = {
  caseId: string | number;
  file: File | Blob;
  side?: DocumentSide | null | undefined;
  type: DocumentType;
};

export type DocumentFieldsFragment = { id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, revision: number, url: string, contentType: string, size: number, createdAt: string, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null }> };

export type CaseFieldsFragment = { id: string, state: string, status: CaseStatus, version: number, availableEvents: Array<string>, selectedDocumentType: DocumentType | null, resubmissionTypes: Array<DocumentType>, reason: string | null, reasonCode: ReasonCode | null, revision: number, submittedAt: string | null, decidedAt: string | null, updatedAt: string, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, revision: number, url: string, contentType: string, size: number, createdAt: string, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null }> }> };

export type WorkflowQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkflowQuery = { settings: { supportContact: string | null }, limits: { maxUploadBytes: number, maxPixels: number, acceptedTypes: Array<string> }, workflow: { id: string, version: number, initial: string, states: Array<{ name: string, persisted: boolean, submit: boolean, final: boolean, on: Array<{ event: string, target: string }> }> } };

export type MyCaseQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCaseQuery = { myCase: { id: string, state: string, status: CaseStatus, version: number, availableEvents: Array<string>, selectedDocumentType: DocumentType | null, resubmissionTypes: Array<DocumentType>, reason: string | null, reasonCode: ReasonCode | null, revision: number, submittedAt: string | null, decidedAt: string | null, updatedAt: string, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, revision: number, url: string, contentType: string, size: number, createdAt: string, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null }> }> } | null };

export type StartCaseMutationVariables = Exact<{
  input?: StartCaseInput | null | undefined;
}>;


export type StartCaseMutation = { startCase: { token: string, resumeUrl: string, case: { id: string, state: string, status: CaseStatus, version: number, availableEvents: Array<string>, selectedDocumentType: DocumentType | null, resubmissionTypes: Array<DocumentType>, reason: string | null, reasonCode: ReasonCode | null, revision: number, submittedAt: string | null, decidedAt: string | null, updatedAt: string, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, revision: number, url: string, contentType: string, size: number, createdAt: string, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null }> }> } } };

export type SendCaseEventMutationVariables = Exact<{
  input: SendCaseEventInput;
}>;


export type SendCaseEventMutation = { sendCaseEvent: { id: string, state: string, status: CaseStatus, version: number, availableEvents: Array<string>, selectedDocumentType: DocumentType | null, resubmissionTypes: Array<DocumentType>, reason: string | null, reasonCode: ReasonCode | null, revision: number, submittedAt: string | null, decidedAt: string | null, updatedAt: string, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, revision: number, url: string, contentType: string, size: number, createdAt: string, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null }> }> } };

export type UploadDocumentMutationVariables = Exact<{
  input: UploadDocumentInput;
}>;


export type UploadDocumentMutation = { uploadDocument: { id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, revision: number, url: string, contentType: string, size: number, createdAt: string, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null }> } };

export type CaseUpdatedSubscriptionVariables = Exact<{
  caseId: string | number;
}>;


export type CaseUpdatedSubscription = { caseUpdated: { id: string, state: string, status: CaseStatus, version: number, availableEvents: Array<string>, selectedDocumentType: DocumentType | null, resubmissionTypes: Array<DocumentType>, reason: string | null, reasonCode: ReasonCode | null, revision: number, submittedAt: string | null, decidedAt: string | null, updatedAt: string, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, revision: number, url: string, contentType: string, size: number, createdAt: string, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null }> }> } };

export type UpdateMyDetailsMutationVariables = Exact<{
  input: ApplicantDetailsInput;
}>;


export type UpdateMyDetailsMutation = { updateMyDetails: { id: string, state: string, status: CaseStatus, version: number, availableEvents: Array<string>, selectedDocumentType: DocumentType | null, resubmissionTypes: Array<DocumentType>, reason: string | null, reasonCode: ReasonCode | null, revision: number, submittedAt: string | null, decidedAt: string | null, updatedAt: string, applicant: { firstName: string | null, lastName: string | null, dateOfBirth: string | null, email: string | null }, documents: Array<{ id: string, type: DocumentType, side: DocumentSide | null, status: DocumentStatus, reason: string | null, reasonCode: ReasonCode | null, revision: number, url: string, contentType: string, size: number, createdAt: string, checks: Array<{ name: string, outcome: CheckOutcome, score: number | null, detail: string | null }> }> } };

export type EraseMyCaseMutationVariables = Exact<{ [key: string]: never; }>;


export type EraseMyCaseMutation = { eraseMyCase: boolean };

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
export const DocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  revision
  url
  contentType
  size
  createdAt
  checks {
    name
    outcome
    score
    detail
  }
}
    `, {"fragmentName":"DocumentFields"}) as unknown as TypedDocumentString<DocumentFieldsFragment, unknown>;
export const CaseFieldsFragmentDoc = new TypedDocumentString(`
    fragment CaseFields on Case {
  id
  state
  status
  version
  availableEvents
  selectedDocumentType
  resubmissionTypes
  reason
  reasonCode
  revision
  submittedAt
  decidedAt
  updatedAt
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  documents {
    ...DocumentFields
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  revision
  url
  contentType
  size
  createdAt
  checks {
    name
    outcome
    score
    detail
  }
}`, {"fragmentName":"CaseFields"}) as unknown as TypedDocumentString<CaseFieldsFragment, unknown>;
export const WorkflowDocument = new TypedDocumentString(`
    query Workflow {
  settings {
    supportContact
  }
  limits {
    maxUploadBytes
    maxPixels
    acceptedTypes
  }
  workflow {
    id
    version
    initial
    states {
      name
      persisted
      submit
      final
      on {
        event
        target
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkflowQuery, WorkflowQueryVariables>;
export const MyCaseDocument = new TypedDocumentString(`
    query MyCase {
  myCase {
    ...CaseFields
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  revision
  url
  contentType
  size
  createdAt
  checks {
    name
    outcome
    score
    detail
  }
}
fragment CaseFields on Case {
  id
  state
  status
  version
  availableEvents
  selectedDocumentType
  resubmissionTypes
  reason
  reasonCode
  revision
  submittedAt
  decidedAt
  updatedAt
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  documents {
    ...DocumentFields
  }
}`) as unknown as TypedDocumentString<MyCaseQuery, MyCaseQueryVariables>;
export const StartCaseDocument = new TypedDocumentString(`
    mutation StartCase($input: StartCaseInput) {
  startCase(input: $input) {
    token
    resumeUrl
    case {
      ...CaseFields
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
  revision
  url
  contentType
  size
  createdAt
  checks {
    name
    outcome
    score
    detail
  }
}
fragment CaseFields on Case {
  id
  state
  status
  version
  availableEvents
  selectedDocumentType
  resubmissionTypes
  reason
  reasonCode
  revision
  submittedAt
  decidedAt
  updatedAt
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  documents {
    ...DocumentFields
  }
}`) as unknown as TypedDocumentString<StartCaseMutation, StartCaseMutationVariables>;
export const SendCaseEventDocument = new TypedDocumentString(`
    mutation SendCaseEvent($input: SendCaseEventInput!) {
  sendCaseEvent(input: $input) {
    ...CaseFields
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  revision
  url
  contentType
  size
  createdAt
  checks {
    name
    outcome
    score
    detail
  }
}
fragment CaseFields on Case {
  id
  state
  status
  version
  availableEvents
  selectedDocumentType
  resubmissionTypes
  reason
  reasonCode
  revision
  submittedAt
  decidedAt
  updatedAt
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  documents {
    ...DocumentFields
  }
}`) as unknown as TypedDocumentString<SendCaseEventMutation, SendCaseEventMutationVariables>;
export const UploadDocumentDocument = new TypedDocumentString(`
    mutation UploadDocument($input: UploadDocumentInput!) {
  uploadDocument(input: $input) {
    ...DocumentFields
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  revision
  url
  contentType
  size
  createdAt
  checks {
    name
    outcome
    score
    detail
  }
}`) as unknown as TypedDocumentString<UploadDocumentMutation, UploadDocumentMutationVariables>;
export const CaseUpdatedDocument = new TypedDocumentString(`
    subscription CaseUpdated($caseId: ID!) {
  caseUpdated(caseId: $caseId) {
    ...CaseFields
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  revision
  url
  contentType
  size
  createdAt
  checks {
    name
    outcome
    score
    detail
  }
}
fragment CaseFields on Case {
  id
  state
  status
  version
  availableEvents
  selectedDocumentType
  resubmissionTypes
  reason
  reasonCode
  revision
  submittedAt
  decidedAt
  updatedAt
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  documents {
    ...DocumentFields
  }
}`) as unknown as TypedDocumentString<CaseUpdatedSubscription, CaseUpdatedSubscriptionVariables>;
export const UpdateMyDetailsDocument = new TypedDocumentString(`
    mutation UpdateMyDetails($input: ApplicantDetailsInput!) {
  updateMyDetails(input: $input) {
    ...CaseFields
  }
}
    fragment DocumentFields on Document {
  id
  type
  side
  status
  reason
  reasonCode
  revision
  url
  contentType
  size
  createdAt
  checks {
    name
    outcome
    score
    detail
  }
}
fragment CaseFields on Case {
  id
  state
  status
  version
  availableEvents
  selectedDocumentType
  resubmissionTypes
  reason
  reasonCode
  revision
  submittedAt
  decidedAt
  updatedAt
  applicant {
    firstName
    lastName
    dateOfBirth
    email
  }
  documents {
    ...DocumentFields
  }
}`) as unknown as TypedDocumentString<UpdateMyDetailsMutation, UpdateMyDetailsMutationVariables>;
export const EraseMyCaseDocument = new TypedDocumentString(`
    mutation EraseMyCase {
  eraseMyCase
}
    `) as unknown as TypedDocumentString<EraseMyCaseMutation, EraseMyCaseMutationVariables>;