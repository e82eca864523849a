import { createKycClient } from '@kyc/sdk';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { resumeUrlFor } from './app/resume-link';
import { env } from './config/env';
import { initI18n } from './i18n';
import './styles.css';

const client = createKycClient({ url: env.apiUrl, wsUrl: env.wsUrl, resumeUrlFor });

// The applicant's language is loaded first (one small chunk), so the first screen is in it.
// Should the chunk fail to load (offline), the app starts all the same and shows what it has.
void initI18n()
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    ),
  );
