import { graphql } from '../../../gql';

export const ApiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const WebhookEndpointFieldsFragment = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    events
    createdAt
  }
`);

export const WebhookDeliveryFieldsFragment = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id
    eventType
    status
    attempts
    lastStatusCode
    lastError
    nextAttemptAt
    deliveredAt
    createdAt
    caseId
  }
`);

/** IntegrationsQuery is every API key (newest first) and every webhook endpoint. Admin. */
export const IntegrationsQuery = graphql(`
  query Integrations {
    apiKeys {
      ...ApiKeyFields
    }
    webhookEndpoints {
      ...WebhookEndpointFields
    }
  }
`);

/** WebhookDeliveriesQuery is an endpoint's most recent deliveries, newest first. Admin. */
export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!, $first: Int) {
    webhookDeliveries(endpointId: $endpointId, first: $first) {
      totalCount
      edges {
        node {
          ...WebhookDeliveryFields
        }
      }
    }
  }
`);

/** CreateApiKeyMutation returns the key and its secret, which the server never shows again. */
export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        ...ApiKeyFields
      }
      secret
    }
  }
`);

/** RevokeApiKeyMutation stops a key from working at once. */
export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      ...ApiKeyFields
    }
  }
`);

/** CreateWebhookEndpointMutation returns the endpoint and its signing secret (whsec_…), shown once. */
export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`);

/** DeleteWebhookEndpointMutation removes the endpoint with its deliveries, pending ones included. */
export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input)
  }
`);

/** RedeliverWebhookMutation sends a delivery's payload again, as a new delivery. */
export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
    redeliverWebhook(input: $input) {
      ...WebhookDeliveryFields
    }
  }
`);
