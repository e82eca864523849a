import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './playground.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createClient } from 'graphql-ws';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultQuery } from './default-query';

// Same origin: queries and mutations over HTTP with the reviewer's session cookie (sign in with
// the login mutation), subscriptions over the graphql-transport-ws WebSocket (the cookie goes
// with it). An applicant's case token goes in the Headers tab as
// {"Authorization": "Bearer <token>"}; subscriptions send it in connection_init.
const url = new URL('/graphql', window.location.href);
const wsUrl = new URL(url);
wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

let authorization: string | undefined;
const ws = createClient({
  url: wsUrl.toString(),
  lazy: true,
  connectionParams: () => (authorization ? { authorization } : {}),
});

const base = createGraphiQLFetcher({
  url: url.toString(),
  wsClient: ws,
  // GraphQL-Require-Preflight: the server's guard against cross-site requests.
  headers: { 'GraphQL-Require-Preflight': '1' },
});

// fetcher notes the Authorization of the Headers tab for the socket; a different one opens a
// new socket (the server reads a connection's caller once, at connection_init).
const fetcher: Fetcher = (params, opts) => {
  const h = (opts?.headers ?? {}) as Record<string, unknown>;
  const auth = typeof (h.Authorization ?? h.authorization) === 'string' ? String(h.Authorization ?? h.authorization) : undefined;
  if (auth !== authorization) {
    authorization = auth;
    ws.terminate();
  }
  return base(params, opts);
};

// ?query=, ?variables= and ?headers= open the playground on an operation (links in the README).
const search = new URLSearchParams(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={defaultQuery}
      initialQuery={search.get('query') ?? undefined}
      initialVariables={search.get('variables') ?? undefined}
      initialHeaders={search.get('headers') ?? undefined}
    >
      <GraphiQL.Logo>
        <span className="kyc-logo">KYC Manual Review API</span>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
