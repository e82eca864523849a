import { graphql } from '../../../gql';

export const DocumentFieldsFragment = graphql(`
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
`);

export const CaseDetailFragment = graphql(`
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
`);

export const GetCaseQuery = graphql(`
  query GetCase($id: ID!) {
    node(id: $id) {
      __typename
      ... on Case {
        ...CaseDetail
      }
    }
  }
`);

export const CaseUpdatedSubscription = graphql(`
  subscription CaseUpdated($caseId: ID!) {
    caseUpdated(caseId: $caseId) {
      ...CaseDetail
    }
  }
`);

/** NextCaseQuery finds the oldest waiting cases: the review queue is first in, first out. */
export const NextCaseQuery = graphql(`
  query NextCase {
    cases(first: 20, filter: { status: [PENDING_REVIEW] }, orderBy: { field: SUBMITTED_AT, direction: ASC }) {
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
`);

/** ReviewPolicyQuery says which decisions need a second reviewer (four-eyes) on this server. */
export const ReviewPolicyQuery = graphql(`
  query ReviewPolicy {
    reviewPolicy {
      fourEyes
      reviewSlaSeconds
    }
  }
`);
