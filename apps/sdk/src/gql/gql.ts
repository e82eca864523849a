/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment DocumentFields on Document {\n    id\n    type\n    side\n    status\n    reason\n    reasonCode\n    revision\n    url\n    contentType\n    size\n    createdAt\n    checks {\n      name\n      outcome\n      score\n      detail\n    }\n  }\n": typeof types.DocumentFieldsFragmentDoc,
    "\n  fragment CaseFields on Case {\n    id\n    state\n    status\n    version\n    availableEvents\n    selectedDocumentType\n    resubmissionTypes\n    reason\n    reasonCode\n    revision\n    submittedAt\n    decidedAt\n    updatedAt\n    applicant {\n      firstName\n      lastName\n      dateOfBirth\n      email\n    }\n    documents {\n      ...DocumentFields\n    }\n  }\n": typeof types.CaseFieldsFragmentDoc,
    "\n  query Workflow {\n    settings {\n      supportContact\n    }\n    limits {\n      maxUploadBytes\n      maxPixels\n      acceptedTypes\n    }\n    workflow {\n      id\n      version\n      initial\n      states {\n        name\n        persisted\n        submit\n        final\n        on {\n          event\n          target\n        }\n      }\n    }\n  }\n": typeof types.WorkflowDocument,
    "\n  query MyCase {\n    myCase {\n      ...CaseFields\n    }\n  }\n": typeof types.MyCaseDocument,
    "\n  mutation StartCase($input: StartCaseInput) {\n    startCase(input: $input) {\n      token\n      resumeUrl\n      case {\n        ...CaseFields\n      }\n    }\n  }\n": typeof types.StartCaseDocument,
    "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) {\n      ...CaseFields\n    }\n  }\n": typeof types.SendCaseEventDocument,
    "\n  mutation UploadDocument($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      ...DocumentFields\n    }\n  }\n": typeof types.UploadDocumentDocument,
    "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      ...CaseFields\n    }\n  }\n": typeof types.CaseUpdatedDocument,
    "\n  mutation UpdateMyDetails($input: ApplicantDetailsInput!) {\n    updateMyDetails(input: $input) {\n      ...CaseFields\n    }\n  }\n": typeof types.UpdateMyDetailsDocument,
    "\n  mutation EraseMyCase {\n    eraseMyCase\n  }\n": typeof types.EraseMyCaseDocument,
};
const documents: Documents = {
    "\n  fragment DocumentFields on Document {\n    id\n    type\n    side\n    status\n    reason\n    reasonCode\n    revision\n    url\n    contentType\n    size\n    createdAt\n    checks {\n      name\n      outcome\n      score\n      detail\n    }\n  }\n": types.DocumentFieldsFragmentDoc,
    "\n  fragment CaseFields on Case {\n    id\n    state\n    status\n    version\n    availableEvents\n    selectedDocumentType\n    resubmissionTypes\n    reason\n    reasonCode\n    revision\n    submittedAt\n    decidedAt\n    updatedAt\n    applicant {\n      firstName\n      lastName\n      dateOfBirth\n      email\n    }\n    documents {\n      ...DocumentFields\n    }\n  }\n": types.CaseFieldsFragmentDoc,
    "\n  query Workflow {\n    settings {\n      supportContact\n    }\n    limits {\n      maxUploadBytes\n      maxPixels\n      acceptedTypes\n    }\n    workflow {\n      id\n      version\n      initial\n      states {\n        name\n        persisted\n        submit\n        final\n        on {\n          event\n          target\n        }\n      }\n    }\n  }\n": types.WorkflowDocument,
    "\n  query MyCase {\n    myCase {\n      ...CaseFields\n    }\n  }\n": types.MyCaseDocument,
    "\n  mutation StartCase($input: StartCaseInput) {\n    startCase(input: $input) {\n      token\n      resumeUrl\n      case {\n        ...CaseFields\n      }\n    }\n  }\n": types.StartCaseDocument,
    "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) {\n      ...CaseFields\n    }\n  }\n": types.SendCaseEventDocument,
    "\n  mutation UploadDocument($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      ...DocumentFields\n    }\n  }\n": types.UploadDocumentDocument,
    "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      ...CaseFields\n    }\n  }\n": types.CaseUpdatedDocument,
    "\n  mutation UpdateMyDetails($input: ApplicantDetailsInput!) {\n    updateMyDetails(input: $input) {\n      ...CaseFields\n    }\n  }\n": types.UpdateMyDetailsDocument,
    "\n  mutation EraseMyCase {\n    eraseMyCase\n  }\n": types.EraseMyCaseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentFields on Document {\n    id\n    type\n    side\n    status\n    reason\n    reasonCode\n    revision\n    url\n    contentType\n    size\n    createdAt\n    checks {\n      name\n      outcome\n      score\n      detail\n    }\n  }\n"): typeof import('./graphql').DocumentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseFields on Case {\n    id\n    state\n    status\n    version\n    availableEvents\n    selectedDocumentType\n    resubmissionTypes\n    reason\n    reasonCode\n    revision\n    submittedAt\n    decidedAt\n    updatedAt\n    applicant {\n      firstName\n      lastName\n      dateOfBirth\n      email\n    }\n    documents {\n      ...DocumentFields\n    }\n  }\n"): typeof import('./graphql').CaseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workflow {\n    settings {\n      supportContact\n    }\n    limits {\n      maxUploadBytes\n      maxPixels\n      acceptedTypes\n    }\n    workflow {\n      id\n      version\n      initial\n      states {\n        name\n        persisted\n        submit\n        final\n        on {\n          event\n          target\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WorkflowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCase {\n    myCase {\n      ...CaseFields\n    }\n  }\n"): typeof import('./graphql').MyCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCase($input: StartCaseInput) {\n    startCase(input: $input) {\n      token\n      resumeUrl\n      case {\n        ...CaseFields\n      }\n    }\n  }\n"): typeof import('./graphql').StartCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) {\n      ...CaseFields\n    }\n  }\n"): typeof import('./graphql').SendCaseEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadDocument($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      ...DocumentFields\n    }\n  }\n"): typeof import('./graphql').UploadDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      ...CaseFields\n    }\n  }\n"): typeof import('./graphql').CaseUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyDetails($input: ApplicantDetailsInput!) {\n    updateMyDetails(input: $input) {\n      ...CaseFields\n    }\n  }\n"): typeof import('./graphql').UpdateMyDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseMyCase {\n    eraseMyCase\n  }\n"): typeof import('./graphql').EraseMyCaseDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
