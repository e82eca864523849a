/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionReviewer on Reviewer {\n    id\n    email\n    name\n    role\n  }\n": typeof types.SessionReviewerFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionReviewer\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionReviewer\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation AcceptInvite($input: AcceptInviteInput!) {\n    acceptInvite(input: $input) {\n      ...SessionReviewer\n    }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  fragment CaseListItem on Case {\n    id\n    status\n    version\n    revision\n    applicant {\n      firstName\n      lastName\n      email\n    }\n    assignee {\n      id\n      name\n      email\n      active\n    }\n    documents {\n      id\n      type\n      side\n      status\n    }\n    createdAt\n    updatedAt\n    submittedAt\n    erasedAt\n    checkSummary {\n      warnings\n      fails\n    }\n  }\n": typeof types.CaseListItemFragmentDoc,
    "\n  query ListCases(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: CaseFilter\n    $orderBy: CaseOrder\n  ) {\n    cases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CaseListItem\n        }\n      }\n    }\n  }\n": typeof types.ListCasesDocument,
    "\n  subscription CaseFeed {\n    caseFeed {\n      id\n      caseId\n      type\n      actor\n      createdAt\n    }\n  }\n": typeof types.CaseFeedDocument,
    "\n  query ReviewSla {\n    reviewPolicy {\n      reviewSlaSeconds\n    }\n  }\n": typeof types.ReviewSlaDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    events\n    createdAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    eventType\n    status\n    attempts\n    lastStatusCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    caseId\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query Integrations {\n    apiKeys {\n      ...ApiKeyFields\n    }\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.IntegrationsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int) {\n    webhookDeliveries(endpointId: $endpointId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  fragment DocumentFields on Document {\n    id\n    type\n    side\n    status\n    reason\n    reasonCode\n    submitted\n    revision\n    url\n    contentType\n    size\n    sha256\n    width\n    height\n    createdAt\n    purgedAt\n    checks {\n      name\n      outcome\n      score\n      detail\n      relatedCaseId\n    }\n  }\n": typeof types.DocumentFieldsFragmentDoc,
    "\n  fragment CaseDetail on Case {\n    id\n    state\n    status\n    version\n    revision\n    reason\n    reasonCode\n    externalId\n    metadata\n    erasedAt\n    documentsPurgedAt\n    availableDecisions\n    selectedDocumentType\n    applicant {\n      firstName\n      lastName\n      dateOfBirth\n      email\n    }\n    assignee {\n      id\n      name\n      email\n      active\n    }\n    proposedDecision {\n      decision\n      reason\n      at\n      by {\n        id\n        name\n        email\n      }\n    }\n    returnedDecision {\n      decision\n      reason\n      at\n      by {\n        id\n        name\n        email\n      }\n      returnedBy {\n        id\n        name\n        email\n      }\n      returnReason\n      returnedAt\n    }\n    documents {\n      ...DocumentFields\n    }\n    documentHistory {\n      ...DocumentFields\n    }\n    events {\n      id\n      type\n      actor\n      fromState\n      toState\n      data\n      hash\n      createdAt\n    }\n    auditChain {\n      valid\n      checkedEvents\n      firstBrokenEventId\n      detail\n    }\n    notes {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n        email\n      }\n    }\n    createdAt\n    updatedAt\n    submittedAt\n    decidedAt\n  }\n": typeof types.CaseDetailFragmentDoc,
    "\n  query GetCase($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Case {\n        ...CaseDetail\n      }\n    }\n  }\n": typeof types.GetCaseDocument,
    "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      ...CaseDetail\n    }\n  }\n": typeof types.CaseUpdatedDocument,
    "\n  query NextCase {\n    cases(first: 20, filter: { status: [PENDING_REVIEW] }, orderBy: { field: SUBMITTED_AT, direction: ASC }) {\n      edges {\n        node {\n          id\n          assignee {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.NextCaseDocument,
    "\n  query ReviewPolicy {\n    reviewPolicy {\n      fourEyes\n      reviewSlaSeconds\n    }\n  }\n": typeof types.ReviewPolicyDocument,
    "\n  mutation DecideDocument($input: DecideDocumentInput!) {\n    decideDocument(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.DecideDocumentDocument,
    "\n  mutation ClearDocumentDecision($input: ClearDocumentDecisionInput!) {\n    clearDocumentDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.ClearDocumentDecisionDocument,
    "\n  mutation DecideCase($input: DecideCaseInput!) {\n    decideCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.DecideCaseDocument,
    "\n  mutation ConfirmDecision($input: ConfirmDecisionInput!) {\n    confirmDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.ConfirmDecisionDocument,
    "\n  mutation ReturnDecision($input: ReturnDecisionInput!) {\n    returnDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.ReturnDecisionDocument,
    "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.AssignCaseDocument,
    "\n  mutation UnassignCase($input: UnassignCaseInput!) {\n    unassignCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.UnassignCaseDocument,
    "\n  mutation AddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.AddNoteDocument,
    "\n  mutation EraseCase($input: EraseCaseInput!) {\n    eraseCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": typeof types.EraseCaseDocument,
    "\n  query Reviewers {\n    reviewers {\n      id\n      name\n      email\n      active\n    }\n  }\n": typeof types.ReviewersDocument,
    "\n  query ReasonPresets {\n    reasonPresets {\n      code\n      applicantText\n      appliesTo\n    }\n  }\n": typeof types.ReasonPresetsDocument,
    "\n  fragment TeamMember on Reviewer {\n    id\n    email\n    name\n    role\n    active\n    lastSignInAt\n    invitePending\n  }\n": typeof types.TeamMemberFragmentDoc,
    "\n  query Team {\n    reviewers {\n      ...TeamMember\n    }\n  }\n": typeof types.TeamDocument,
    "\n  mutation InviteReviewer($input: InviteReviewerInput!) {\n    inviteReviewer(input: $input) {\n      reviewer {\n        ...TeamMember\n      }\n      inviteUrl\n    }\n  }\n": typeof types.InviteReviewerDocument,
    "\n  mutation SetReviewerActive($input: SetReviewerActiveInput!) {\n    setReviewerActive(input: $input) {\n      ...TeamMember\n    }\n  }\n": typeof types.SetReviewerActiveDocument,
};
const documents: Documents = {
    "\n  fragment SessionReviewer on Reviewer {\n    id\n    email\n    name\n    role\n  }\n": types.SessionReviewerFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionReviewer\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionReviewer\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation AcceptInvite($input: AcceptInviteInput!) {\n    acceptInvite(input: $input) {\n      ...SessionReviewer\n    }\n  }\n": types.AcceptInviteDocument,
    "\n  fragment CaseListItem on Case {\n    id\n    status\n    version\n    revision\n    applicant {\n      firstName\n      lastName\n      email\n    }\n    assignee {\n      id\n      name\n      email\n      active\n    }\n    documents {\n      id\n      type\n      side\n      status\n    }\n    createdAt\n    updatedAt\n    submittedAt\n    erasedAt\n    checkSummary {\n      warnings\n      fails\n    }\n  }\n": types.CaseListItemFragmentDoc,
    "\n  query ListCases(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: CaseFilter\n    $orderBy: CaseOrder\n  ) {\n    cases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CaseListItem\n        }\n      }\n    }\n  }\n": types.ListCasesDocument,
    "\n  subscription CaseFeed {\n    caseFeed {\n      id\n      caseId\n      type\n      actor\n      createdAt\n    }\n  }\n": types.CaseFeedDocument,
    "\n  query ReviewSla {\n    reviewPolicy {\n      reviewSlaSeconds\n    }\n  }\n": types.ReviewSlaDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    events\n    createdAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    eventType\n    status\n    attempts\n    lastStatusCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    caseId\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query Integrations {\n    apiKeys {\n      ...ApiKeyFields\n    }\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": types.IntegrationsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int) {\n    webhookDeliveries(endpointId: $endpointId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      ...ApiKeyFields\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  fragment DocumentFields on Document {\n    id\n    type\n    side\n    status\n    reason\n    reasonCode\n    submitted\n    revision\n    url\n    contentType\n    size\n    sha256\n    width\n    height\n    createdAt\n    purgedAt\n    checks {\n      name\n      outcome\n      score\n      detail\n      relatedCaseId\n    }\n  }\n": types.DocumentFieldsFragmentDoc,
    "\n  fragment CaseDetail on Case {\n    id\n    state\n    status\n    version\n    revision\n    reason\n    reasonCode\n    externalId\n    metadata\n    erasedAt\n    documentsPurgedAt\n    availableDecisions\n    selectedDocumentType\n    applicant {\n      firstName\n      lastName\n      dateOfBirth\n      email\n    }\n    assignee {\n      id\n      name\n      email\n      active\n    }\n    proposedDecision {\n      decision\n      reason\n      at\n      by {\n        id\n        name\n        email\n      }\n    }\n    returnedDecision {\n      decision\n      reason\n      at\n      by {\n        id\n        name\n        email\n      }\n      returnedBy {\n        id\n        name\n        email\n      }\n      returnReason\n      returnedAt\n    }\n    documents {\n      ...DocumentFields\n    }\n    documentHistory {\n      ...DocumentFields\n    }\n    events {\n      id\n      type\n      actor\n      fromState\n      toState\n      data\n      hash\n      createdAt\n    }\n    auditChain {\n      valid\n      checkedEvents\n      firstBrokenEventId\n      detail\n    }\n    notes {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n        email\n      }\n    }\n    createdAt\n    updatedAt\n    submittedAt\n    decidedAt\n  }\n": types.CaseDetailFragmentDoc,
    "\n  query GetCase($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Case {\n        ...CaseDetail\n      }\n    }\n  }\n": types.GetCaseDocument,
    "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      ...CaseDetail\n    }\n  }\n": types.CaseUpdatedDocument,
    "\n  query NextCase {\n    cases(first: 20, filter: { status: [PENDING_REVIEW] }, orderBy: { field: SUBMITTED_AT, direction: ASC }) {\n      edges {\n        node {\n          id\n          assignee {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.NextCaseDocument,
    "\n  query ReviewPolicy {\n    reviewPolicy {\n      fourEyes\n      reviewSlaSeconds\n    }\n  }\n": types.ReviewPolicyDocument,
    "\n  mutation DecideDocument($input: DecideDocumentInput!) {\n    decideDocument(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.DecideDocumentDocument,
    "\n  mutation ClearDocumentDecision($input: ClearDocumentDecisionInput!) {\n    clearDocumentDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.ClearDocumentDecisionDocument,
    "\n  mutation DecideCase($input: DecideCaseInput!) {\n    decideCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.DecideCaseDocument,
    "\n  mutation ConfirmDecision($input: ConfirmDecisionInput!) {\n    confirmDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.ConfirmDecisionDocument,
    "\n  mutation ReturnDecision($input: ReturnDecisionInput!) {\n    returnDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.ReturnDecisionDocument,
    "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.AssignCaseDocument,
    "\n  mutation UnassignCase($input: UnassignCaseInput!) {\n    unassignCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.UnassignCaseDocument,
    "\n  mutation AddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.AddNoteDocument,
    "\n  mutation EraseCase($input: EraseCaseInput!) {\n    eraseCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n": types.EraseCaseDocument,
    "\n  query Reviewers {\n    reviewers {\n      id\n      name\n      email\n      active\n    }\n  }\n": types.ReviewersDocument,
    "\n  query ReasonPresets {\n    reasonPresets {\n      code\n      applicantText\n      appliesTo\n    }\n  }\n": types.ReasonPresetsDocument,
    "\n  fragment TeamMember on Reviewer {\n    id\n    email\n    name\n    role\n    active\n    lastSignInAt\n    invitePending\n  }\n": types.TeamMemberFragmentDoc,
    "\n  query Team {\n    reviewers {\n      ...TeamMember\n    }\n  }\n": types.TeamDocument,
    "\n  mutation InviteReviewer($input: InviteReviewerInput!) {\n    inviteReviewer(input: $input) {\n      reviewer {\n        ...TeamMember\n      }\n      inviteUrl\n    }\n  }\n": types.InviteReviewerDocument,
    "\n  mutation SetReviewerActive($input: SetReviewerActiveInput!) {\n    setReviewerActive(input: $input) {\n      ...TeamMember\n    }\n  }\n": types.SetReviewerActiveDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionReviewer on Reviewer {\n    id\n    email\n    name\n    role\n  }\n"): typeof import('./graphql').SessionReviewerFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionReviewer\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionReviewer\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvite($input: AcceptInviteInput!) {\n    acceptInvite(input: $input) {\n      ...SessionReviewer\n    }\n  }\n"): typeof import('./graphql').AcceptInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseListItem on Case {\n    id\n    status\n    version\n    revision\n    applicant {\n      firstName\n      lastName\n      email\n    }\n    assignee {\n      id\n      name\n      email\n      active\n    }\n    documents {\n      id\n      type\n      side\n      status\n    }\n    createdAt\n    updatedAt\n    submittedAt\n    erasedAt\n    checkSummary {\n      warnings\n      fails\n    }\n  }\n"): typeof import('./graphql').CaseListItemFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListCases(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: CaseFilter\n    $orderBy: CaseOrder\n  ) {\n    cases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      totalCountCapped\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CaseListItem\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ListCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseFeed {\n    caseFeed {\n      id\n      caseId\n      type\n      actor\n      createdAt\n    }\n  }\n"): typeof import('./graphql').CaseFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewSla {\n    reviewPolicy {\n      reviewSlaSeconds\n    }\n  }\n"): typeof import('./graphql').ReviewSlaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').ApiKeyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    events\n    createdAt\n  }\n"): typeof import('./graphql').WebhookEndpointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    eventType\n    status\n    attempts\n    lastStatusCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    caseId\n  }\n"): typeof import('./graphql').WebhookDeliveryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Integrations {\n    apiKeys {\n      ...ApiKeyFields\n    }\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n"): typeof import('./graphql').IntegrationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $first: Int) {\n    webhookDeliveries(endpointId: $endpointId, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...WebhookDeliveryFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyFields\n      }\n      secret\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      ...ApiKeyFields\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n"): typeof import('./graphql').CreateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input)\n  }\n"): typeof import('./graphql').DeleteWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      ...WebhookDeliveryFields\n    }\n  }\n"): typeof import('./graphql').RedeliverWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentFields on Document {\n    id\n    type\n    side\n    status\n    reason\n    reasonCode\n    submitted\n    revision\n    url\n    contentType\n    size\n    sha256\n    width\n    height\n    createdAt\n    purgedAt\n    checks {\n      name\n      outcome\n      score\n      detail\n      relatedCaseId\n    }\n  }\n"): typeof import('./graphql').DocumentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseDetail on Case {\n    id\n    state\n    status\n    version\n    revision\n    reason\n    reasonCode\n    externalId\n    metadata\n    erasedAt\n    documentsPurgedAt\n    availableDecisions\n    selectedDocumentType\n    applicant {\n      firstName\n      lastName\n      dateOfBirth\n      email\n    }\n    assignee {\n      id\n      name\n      email\n      active\n    }\n    proposedDecision {\n      decision\n      reason\n      at\n      by {\n        id\n        name\n        email\n      }\n    }\n    returnedDecision {\n      decision\n      reason\n      at\n      by {\n        id\n        name\n        email\n      }\n      returnedBy {\n        id\n        name\n        email\n      }\n      returnReason\n      returnedAt\n    }\n    documents {\n      ...DocumentFields\n    }\n    documentHistory {\n      ...DocumentFields\n    }\n    events {\n      id\n      type\n      actor\n      fromState\n      toState\n      data\n      hash\n      createdAt\n    }\n    auditChain {\n      valid\n      checkedEvents\n      firstBrokenEventId\n      detail\n    }\n    notes {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n        email\n      }\n    }\n    createdAt\n    updatedAt\n    submittedAt\n    decidedAt\n  }\n"): typeof import('./graphql').CaseDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetCase($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Case {\n        ...CaseDetail\n      }\n    }\n  }\n"): typeof import('./graphql').GetCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').CaseUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NextCase {\n    cases(first: 20, filter: { status: [PENDING_REVIEW] }, orderBy: { field: SUBMITTED_AT, direction: ASC }) {\n      edges {\n        node {\n          id\n          assignee {\n            id\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').NextCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewPolicy {\n    reviewPolicy {\n      fourEyes\n      reviewSlaSeconds\n    }\n  }\n"): typeof import('./graphql').ReviewPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideDocument($input: DecideDocumentInput!) {\n    decideDocument(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').DecideDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearDocumentDecision($input: ClearDocumentDecisionInput!) {\n    clearDocumentDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').ClearDocumentDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideCase($input: DecideCaseInput!) {\n    decideCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').DecideCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmDecision($input: ConfirmDecisionInput!) {\n    confirmDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').ConfirmDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnDecision($input: ReturnDecisionInput!) {\n    returnDecision(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').ReturnDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').AssignCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignCase($input: UnassignCaseInput!) {\n    unassignCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').UnassignCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      id\n      body\n      createdAt\n      author {\n        id\n        name\n        email\n      }\n    }\n  }\n"): typeof import('./graphql').AddNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseCase($input: EraseCaseInput!) {\n    eraseCase(input: $input) {\n      ...CaseDetail\n    }\n  }\n"): typeof import('./graphql').EraseCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reviewers {\n    reviewers {\n      id\n      name\n      email\n      active\n    }\n  }\n"): typeof import('./graphql').ReviewersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReasonPresets {\n    reasonPresets {\n      code\n      applicantText\n      appliesTo\n    }\n  }\n"): typeof import('./graphql').ReasonPresetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamMember on Reviewer {\n    id\n    email\n    name\n    role\n    active\n    lastSignInAt\n    invitePending\n  }\n"): typeof import('./graphql').TeamMemberFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team {\n    reviewers {\n      ...TeamMember\n    }\n  }\n"): typeof import('./graphql').TeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteReviewer($input: InviteReviewerInput!) {\n    inviteReviewer(input: $input) {\n      reviewer {\n        ...TeamMember\n      }\n      inviteUrl\n    }\n  }\n"): typeof import('./graphql').InviteReviewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetReviewerActive($input: SetReviewerActiveInput!) {\n    setReviewerActive(input: $input) {\n      ...TeamMember\n    }\n  }\n"): typeof import('./graphql').SetReviewerActiveDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
