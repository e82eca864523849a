import { graphql } from '../../../gql';

export const DecideDocumentMutation = graphql(`
  mutation DecideDocument($input: DecideDocumentInput!) {
    decideDocument(input: $input) {
      ...CaseDetail
    }
  }
`);

/** ClearDocumentDecisionMutation unflags a photo (takes its decision back) before the request is sent. */
export const ClearDocumentDecisionMutation = graphql(`
  mutation ClearDocumentDecision($input: ClearDocumentDecisionInput!) {
    clearDocumentDecision(input: $input) {
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

/** ConfirmDecisionMutation takes another reviewer's proposed decision (four-eyes). */
export const ConfirmDecisionMutation = graphql(`
  mutation ConfirmDecision($input: ConfirmDecisionInput!) {
    confirmDecision(input: $input) {
      ...CaseDetail
    }
  }
`);

/** ReturnDecisionMutation sends a proposed decision back to review, with why. */
export const ReturnDecisionMutation = graphql(`
  mutation ReturnDecision($input: ReturnDecisionInput!) {
    returnDecision(input: $input) {
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
