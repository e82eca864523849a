import { graphql } from '../../../gql';

export const CaseListItemFragment = graphql(`
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
`);

export const ListCasesQuery = graphql(`
  query ListCases(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: CaseFilter
    $orderBy: CaseOrder
  ) {
    cases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
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
`);

export const CaseFeedSubscription = graphql(`
  subscription CaseFeed {
    caseFeed {
      id
      caseId
      type
      actor
      createdAt
    }
  }
`);

/** ReviewSlaQuery reads how long a case may wait for review before the list marks it (REVIEW_SLA). */
export const ReviewSlaQuery = graphql(`
  query ReviewSla {
    reviewPolicy {
      reviewSlaSeconds
    }
  }
`);
