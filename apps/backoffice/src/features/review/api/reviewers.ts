import { graphql } from '../../../gql';

/** ReviewersQuery lists the reviewers, by name; only active ones can be given a case. */
export const ReviewersQuery = graphql(`
  query Reviewers {
    reviewers {
      id
      name
      email
      active
    }
  }
`);
