import { graphql } from '../../../gql';

export const TeamMemberFragment = graphql(`
  fragment TeamMember on Reviewer {
    id
    email
    name
    role
    active
    lastSignInAt
    invitePending
  }
`);

/** TeamQuery is the whole team, active or not, by name (the server's order). */
export const TeamQuery = graphql(`
  query Team {
    reviewers {
      ...TeamMember
    }
  }
`);

/** InviteReviewerMutation creates the account and its invitation link, shown once. Admin. */
export const InviteReviewerMutation = graphql(`
  mutation InviteReviewer($input: InviteReviewerInput!) {
    inviteReviewer(input: $input) {
      reviewer {
        ...TeamMember
      }
      inviteUrl
    }
  }
`);

/** SetReviewerActiveMutation deactivates (signing them out at once) or reactivates a reviewer. Admin. */
export const SetReviewerActiveMutation = graphql(`
  mutation SetReviewerActive($input: SetReviewerActiveInput!) {
    setReviewerActive(input: $input) {
      ...TeamMember
    }
  }
`);
