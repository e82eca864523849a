import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, screen, waitForState } from '@/testing/render-app';
import { i18n, LANG_KEY } from './index';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';

function setBrowserLanguages(languages: string[] | undefined) {
  if (languages) Object.defineProperty(navigator, 'languages', { configurable: true, value: languages });
  else Reflect.deleteProperty(navigator, 'languages');
}

/** entries lists a catalog's texts by dotted key. */
function entries(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[prefix + k, v]] : entries(v as object, `${prefix}${k}.`),
  );
}
const keys = (o: object) => entries(o).map(([k]) => k);

describe('i18n', () => {
  afterEach(() => setBrowserLanguages(undefined));

  it('the switcher changes the text and <html lang>, and the choice is remembered', async () => {
    const { user } = renderApp();
    await waitForState('welcome');
    expect(document.documentElement.lang).toBe('en');
    const select = screen.getByRole('combobox', { name: 'Language' });
    await user.selectOptions(select, 'Français');
    expect(await screen.findByRole('heading', { level: 1, name: 'Vérifiez votre identité' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Commencer la vérification' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Vérifiez votre identité');
    expect(localStorage.getItem(LANG_KEY)).toBe('fr');
    // each language is named in itself, with its own lang for screen readers
    const names = Array.from(screen.getByRole<HTMLSelectElement>('combobox').options).map((o) => `${o.lang}:${o.text}`);
    expect(names).toEqual(['en:English', 'de:Deutsch', 'fr:Français', 'es:Español']);
  });

  it('picks German from a German browser, and a remembered choice over the browser', async () => {
    setBrowserLanguages(['de-DE', 'de', 'en-US']);
    await i18n.changeLanguage(); // detect again, as on a page load
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Identität bestätigen' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Sprache' }).value).toBe('de');

    localStorage.setItem(LANG_KEY, 'es');
    await i18n.changeLanguage();
    expect(i18n.resolvedLanguage).toBe('es');
  });

  it('a language the app does not have falls back to English', async () => {
    setBrowserLanguages(['ja-JP', 'ja']);
    await i18n.changeLanguage();
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Verify your identity' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('a key missing in a language shows the English text', async () => {
    i18n.addResource('en', 'translation', 'test.onlyInEnglish', 'Only in English');
    await i18n.changeLanguage('de');
    expect(i18n.t('welcome.title')).toBe('Identität bestätigen');
    expect((i18n.t as (k: string) => string)('test.onlyInEnglish')).toBe('Only in English');
  });

  it('every language has every English key, and no empty text', () => {
    const english = keys(en).sort();
    for (const catalog of [de, fr, es]) {
      expect(keys(catalog).sort()).toEqual(english);
      expect(entries(catalog).filter(([, v]) => !v.trim())).toEqual([]);
    }
  });
});
