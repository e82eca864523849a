import { graphql } from '../../../gql';

/** ReviewersQuery lists everyone a case can be assigned to, by name. */
export const ReviewersQuery = graphql(`
  query Reviewers {
    reviewers {
      id
      name
      email
    }
  }
`);
