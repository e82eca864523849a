import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n, initI18n } from '@/i18n';

// The app renders after its language is loaded (main.tsx); tests start in English.
await initI18n('en');

afterEach(async () => {
  cleanup();
  localStorage.clear();
  history.replaceState(null, '', '/kyc/');
  await i18n.changeLanguage('en');
});
