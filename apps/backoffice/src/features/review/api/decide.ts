import { graphql } from '../../../gql';

export const DecideDocumentMutation = graphql(`
  mutation DecideDocument($input: DecideDocumentInput!) {
    decideDocument(input: $input) {
      ...CaseDetail
    }
  }
`);

export const DecideCaseMutation = graphql(`
  mutation DecideCase($input: DecideCaseInput!) {
    decideCase(input: $input) {
      ...CaseDetail
    }
  }
`);

export const AssignCaseMutation = graphql(`
  mutation AssignCase($input: AssignCaseInput!) {
    assignCase(input: $input) {
      ...CaseDetail
    }
  }
`);

export const UnassignCaseMutation = graphql(`
  mutation UnassignCase($input: UnassignCaseInput!) {
    unassignCase(input: $input) {
      ...CaseDetail
    }
  }
`);

export const AddNoteMutation = graphql(`
  mutation AddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      id
      body
      createdAt
      author {
        id
        name
        email
      }
    }
  }
`);
