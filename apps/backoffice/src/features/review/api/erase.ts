import { graphql } from '../../../gql';

/** EraseCaseMutation erases the applicant's details and photos (admins, with a reason for the audit trail). */
export const EraseCaseMutation = graphql(`
  mutation EraseCase($input: EraseCaseInput!) {
    eraseCase(input: $input) {
      ...CaseDetail
    }
  }
`);
