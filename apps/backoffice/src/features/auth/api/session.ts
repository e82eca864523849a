import { graphql } from '../../../gql';

/** SessionReviewer is who is signed in: the role decides what the header offers (Team: admins). */
export const SessionReviewerFragment = graphql(`
  fragment SessionReviewer on Reviewer {
    id
    email
    name
    role
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...SessionReviewer
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...SessionReviewer
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** AcceptInviteMutation sets an invited reviewer's password; the server signs them in (cookie). */
export const AcceptInviteMutation = graphql(`
  mutation AcceptInvite($input: AcceptInviteInput!) {
    acceptInvite(input: $input) {
      ...SessionReviewer
    }
  }
`);
