import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createClient } from 'graphql-ws';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultQuery } from './default-query';

// Same origin: queries and mutations over HTTP with the reviewer's session cookie,
// subscriptions over the graphql-transport-ws WebSocket. An applicant's case token goes in the
// Headers tab as {"Authorization": "Bearer <token>"}; it is also sent in connection_init.
const url = new URL('/graphql', window.location.href);
const wsUrl = new URL(url);
wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

let headers: Record<string, string> = {};
const ws = createClient({
  url: wsUrl.toString(),
  lazy: true,
  connectionParams: () => (headers.Authorization ? { authorization: headers.Authorization } : {}),
});

const fetcher = createGraphiQLFetcher({
  url: url.toString(),
  wsClient: ws,
  // GraphQL-Require-Preflight: the server's guard against cross-site requests.
  headers: { 'GraphQL-Require-Preflight': '1' },
  fetch: (input, init) => {
    const h = new Headers(init?.headers);
    headers = h.get('Authorization') ? { Authorization: h.get('Authorization')! } : {};
    return fetch(input, { ...init, credentials: 'same-origin' });
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
  </StrictMode>,
);
