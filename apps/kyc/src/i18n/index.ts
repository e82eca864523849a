/**
 * i18n of the KYC app (i18next + react-i18next).
 *
 * WHERE THE TEXT LIVES: every applicant-facing string is a key in ./locales/en.ts (the source, and
 * the fallback for any key missing elsewhere) with the same key in ./locales/de.ts, fr.ts and es.ts
 * (their type, Catalog, makes a key missing in one of them a compile error). Keys are grouped by
 * screen or component ("welcome.title", "photo.upload", "errors.NETWORK"); a document type, status
 * or reason code is the last part of the key ("labels.document.ID_CARD", "reasons.BLURRY").
 * In a component: `const { t } = useTranslation(); t('welcome.title')`; outside React: `i18n.t`.
 * Plurals use i18next's suffixes (`_one`, `_other`) and `t(key, { count })`; values `{{name}}`.
 *
 * Only the chosen language is loaded: each catalog is its own chunk, imported on demand (English
 * too, as the fallback). The language is the one the applicant picked (localStorage "kyc.lang"),
 * else the browser's (navigator.languages), else English; <html lang> follows it.
 */
import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import type { en } from './locales/en';

/** languages the app offers, each named in its own language (the switcher's options). */
export const languages = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' } as const;
export type Language = keyof typeof languages;

/** LANG_KEY is where the applicant's choice is kept. */
export const LANG_KEY = 'kyc.lang';

const catalogs: Record<Language, () => Promise<{ default: object }>> = {
  en: () => import('./locales/en').then((m) => ({ default: m.en })),
  de: () => import('./locales/de').then((m) => ({ default: m.de })),
  fr: () => import('./locales/fr').then((m) => ({ default: m.fr })),
  es: () => import('./locales/es').then((m) => ({ default: m.es })),
};

export const i18n: I18n = i18next.createInstance();

let ready: Promise<unknown> | null = null;

/** initI18n loads the applicant's language (once); render after it resolves. `lng` forces one (tests). */
export function initI18n(lng?: Language): Promise<unknown> {
  ready ??= i18n
    .use(LanguageDetector)
    .use(resourcesToBackend((language: string) => catalogs[language as Language]?.() ?? Promise.reject(new Error(`no catalog ${language}`))))
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      supportedLngs: Object.keys(languages),
      load: 'languageOnly', // de-CH → de
      nonExplicitSupportedLngs: true,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANG_KEY,
        caches: [], // only an explicit choice is remembered (setLanguage), not a guess
      },
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: false }, // the language is loaded before the first render; a switch keeps the old text until the new one is in
      returnNull: false,
    });
  return ready;
}

/** currentLanguage is the language the app shows (one of languages). */
export function currentLanguage(): Language {
  const l = i18n.resolvedLanguage ?? i18n.language;
  return (l && l in languages ? l : 'en') as Language;
}

/** setLanguage switches the app's language and remembers the choice. */
export async function setLanguage(lng: Language): Promise<void> {
  await i18n.changeLanguage(lng);
  try {
    localStorage.setItem(LANG_KEY, lng);
  } catch {
    // storage disabled: the choice lasts for this page
  }
}

// <html lang> and the tab title follow the language.
i18n.on('languageChanged', () => {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = currentLanguage();
  const title = i18n.t('app.documentTitle');
  if (title && title !== 'app.documentTitle') document.title = title;
});

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
