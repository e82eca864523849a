import { isDefiniteRefusal, KycError, TOKEN_KEY, type KycClient } from '@kyc/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorRegion } from '@/components/error-region';
import { LanguageSwitcher } from '@/components/language-switcher';
import { KycProvider, useAction, useKyc } from './kyc-context';
import { takeResumeToken } from './resume-link';
import { Router } from './router';

/** App is the KYC applicant app over one SDK client. */
export function App({ client }: { client: KycClient }) {
  return (
    <KycProvider client={client}>
      <Shell />
    </KycProvider>
  );
}

function useOnline() {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener('online', on);
    addEventListener('offline', off);
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', off);
    };
  }, []);
  return online;
}

function Shell() {
  const { snap, client } = useKyc();
  const run = useAction();
  const online = useOnline();
  const { t } = useTranslation();
  const [booted, setBooted] = useState(false);

  // Boot: a resume link wins over the stored token; either way the server says where we are.
  // Until the server has said so, the app stays on the loading screen: when it cannot answer
  // (an outage, no network) the error region offers "Try again" there, and never the start
  // screen, whose "Start KYC" would replace the stored token with a new case's.
  useEffect(() => {
    let live = true;
    const boot = () => {
      const token = takeResumeToken();
      let p: Promise<unknown>;
      try {
        if (token) localStorage.setItem(TOKEN_KEY, token);
        const stored = !token && localStorage.getItem(TOKEN_KEY) !== null;
        p = client.restore().then((c) => {
          if (c) return;
          // The server said the token opens nothing (restore already forgot it): say so.
          if (token) throw new KycError('NOT_FOUND', 'The resume link does not open a case.', { answered: true });
          if (stored) throw new KycError('UNAUTHENTICATED', 'The saved verification link has expired.', { answered: true });
        });
      } catch {
        p = token ? client.resume(token) : Promise.resolve(null); // storage disabled
      }
      return p.then(
        () => live && setBooted(true),
        (err: unknown) => {
          if (live && isDefiniteRefusal(err)) setBooted(true); // the link is dead: start afresh
          throw err;
        },
      );
    };
    void run(boot);
    const onHash = () => {
      if (/resume=/.test(location.hash)) void run(boot);
    };
    addEventListener('hashchange', onHash);
    return () => {
      live = false;
      removeEventListener('hashchange', onHash);
    };
  }, [client, run]);

  // Back online: catch up with whatever happened meanwhile.
  useEffect(() => {
    if (online && snap.token) client.refresh().catch(() => undefined);
  }, [online, client, snap.token]);

  return (
    <div className="app">
      <header className="brand" role="banner">
        <span className="logo" aria-hidden="true">
          ◆
        </span>
        <span>{t('app.brand')}</span>
        <LanguageSwitcher />
      </header>
      {!online && (
        <div className="offline" role="status">
          {t('app.offline')}
        </div>
      )}
      {booted ? (
        <Router />
      ) : (
        <main data-state="loading" aria-busy="true" className="screen">
          <h1>{t('app.loading')}</h1>
          <ErrorRegion />
        </main>
      )}
    </div>
  );
}
