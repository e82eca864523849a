import { useEffect, useRef } from 'react';
import type { ApiClient } from '../lib/api-client';
import { ApiProvider } from '../lib/api-context';
import { errorMessage } from '../lib/error-copy';
import { SessionProvider, useSession } from '../features/auth/session';
import { AcceptInvite } from '../features/auth/accept-invite';
import { SignIn } from '../features/auth/sign-in';
import { CaseListPage } from '../features/cases/case-list-page';
import { CasePage } from '../features/review/case-page';
import { TeamPage } from '../features/team/team-page';
import { IntegrationsPage } from '../features/integrations/integrations-page';
import { Link, useInviteToken, useRoute } from './router';
import { ShortcutsProvider, useShortcuts } from './shortcuts';

export function App({ client }: { client: ApiClient }) {
  return (
    <ApiProvider client={client}>
      <SessionProvider>
        <ShortcutsProvider>
          <Shell />
        </ShortcutsProvider>
      </SessionProvider>
    </ApiProvider>
  );
}

function Shell() {
  const { session, retry } = useSession();
  // An invitation link (#invite=<token>) opens "Set your password", whoever is signed in here.
  const invite = useInviteToken();
  if (invite) return <AcceptInvite key={invite} token={invite} />;
  switch (session.status) {
    case 'loading':
      return (
        <main id="main" className="page-center">
          <p className="loading" role="status">
            Loading…
          </p>
        </main>
      );
    case 'error':
      return (
        <main id="main" className="page-center">
          <h1>KYC Review</h1>
          <div className="alert alert-error" role="alert">
            <p>{errorMessage(session.error)}</p>
            <button type="button" className="button" onClick={retry}>
              Try again
            </button>
          </div>
        </main>
      );
    case 'signed-out':
      return <SignIn expired={session.expired} />;
    case 'signed-in':
      return <SignedIn />;
    default:
      return session satisfies never;
  }
}

const SCREEN_TITLE = { cases: 'Cases', team: 'Team', integrations: 'Integrations', 'not-found': 'Not found' } as const;

function SignedIn() {
  const { session, signOut } = useSession();
  const { openHelp } = useShortcuts();
  const route = useRoute();
  const me = session.status === 'signed-in' ? session.me : null;

  const screenKey = route.name === 'case' ? `case:${route.id}` : route.name;
  const admin = me?.role === 'ADMIN';
  const first = useRef(true);
  useEffect(() => {
    if (route.name !== 'case') document.title = `${SCREEN_TITLE[route.name]} · KYC Review`;
    // A new screen: move focus to its main region so screen readers start there (not on first load).
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus();
  }, [screenKey, route.name]);

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="topbar">
        <Link to="" className="brand">
          KYC Review
        </Link>
        <nav aria-label="Main">
          <Link to="" aria-current={route.name === 'cases' ? 'page' : undefined}>
            Cases
          </Link>
          {admin && (
            <Link to="team" aria-current={route.name === 'team' ? 'page' : undefined}>
              Team
            </Link>
          )}
          {admin && (
            <Link to="integrations" aria-current={route.name === 'integrations' ? 'page' : undefined}>
              Integrations
            </Link>
          )}
        </nav>
        <div className="topbar-end">
          <span className="who">
            Signed in as <strong>{me?.name || me?.email}</strong>
          </span>
          <button type="button" className="button button-quiet" onClick={openHelp}>
            <span aria-hidden="true">?</span> Shortcuts
          </button>
          <button type="button" className="button button-quiet" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {route.name === 'cases' && <CaseListPage params={route.params} />}
      {route.name === 'case' && <CasePage key={route.id} id={route.id} />}
      {route.name === 'team' && <TeamPage />}
      {route.name === 'integrations' && <IntegrationsPage />}
      {route.name === 'not-found' && (
        <main id="main" tabIndex={-1} className="page">
          <h1>Page not found</h1>
          <p>
            <Link to="">Go to the case list</Link>
          </p>
        </main>
      )}
    </>
  );
}
