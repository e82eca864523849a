import { createKycClient } from '@kyc/sdk';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { resumeUrlFor } from './app/resume-link';
import { env } from './config/env';
import './styles.css';

const client = createKycClient({ url: env.apiUrl, wsUrl: env.wsUrl, resumeUrlFor });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
