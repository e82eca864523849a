import { graphql } from './gql';

// One uploaded revision, as the applicant sees it.
export const DocumentFieldsFragment = graphql(`
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
`);

// The applicant's view of a case. Every operation returns it so the client always
// holds the server's latest answer.
export const CaseFields = graphql(`
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
`);

export const WorkflowQuery = graphql(`
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
`);

export const MyCaseQuery = graphql(`
  query MyCase {
    myCase {
      ...CaseFields
    }
  }
`);

export const StartCaseMutation = graphql(`
  mutation StartCase($input: StartCaseInput) {
    startCase(input: $input) {
      token
      resumeUrl
      case {
        ...CaseFields
      }
    }
  }
`);

export const SendCaseEventMutation = graphql(`
  mutation SendCaseEvent($input: SendCaseEventInput!) {
    sendCaseEvent(input: $input) {
      ...CaseFields
    }
  }
`);

export const UploadDocumentMutation = graphql(`
  mutation UploadDocument($input: UploadDocumentInput!) {
    uploadDocument(input: $input) {
      ...DocumentFields
    }
  }
`);

export const CaseUpdatedSubscription = graphql(`
  subscription CaseUpdated($caseId: ID!) {
    caseUpdated(caseId: $caseId) {
      ...CaseFields
    }
  }
`);

// The applicant sets their details (welcome step), until the case is first submitted.
export const UpdateMyDetailsMutation = graphql(`
  mutation UpdateMyDetails($input: ApplicantDetailsInput!) {
    updateMyDetails(input: $input) {
      ...CaseFields
    }
  }
`);

// The applicant withdraws the case while still collecting: details and photos are erased,
// and the token stops working.
export const EraseMyCaseMutation = graphql(`
  mutation EraseMyCase {
    eraseMyCase
  }
`);
