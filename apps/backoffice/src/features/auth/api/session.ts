import { graphql } from '../../../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      name
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      id
      email
      name
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);
