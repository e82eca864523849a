/** defaultQuery is what a new playground tab shows: where to start. */
export const defaultQuery = `# KYC Manual Review — GraphQL playground (served from the server binary).
#
# Sign in as a reviewer with the login mutation (the session cookie is kept), or paste an
# applicant's case token in Headers as {"Authorization": "Bearer <token>"}.
# Subscriptions (caseUpdated, caseFeed) run over the WebSocket.

query Workflow {
  workflow {
    id
    initial
  }
}
`;
