import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage, type Language } from '@/i18n';

/**
 * LanguageSwitcher is the header's language choice: a native select (keyboard and screen-reader
 * friendly everywhere), each language named in itself. The choice is remembered (localStorage).
 */
export function LanguageSwitcher() {
  const { t } = useTranslation(); // re-renders on a language change
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>
        <span aria-hidden="true" className="language-icon">
          🌐
        </span>
        <span className="visually-hidden">{t('app.language')}</span>
      </label>
      <select id={id} value={currentLanguage()} onChange={(e) => void setLanguage(e.target.value as Language)}>
        {Object.entries(languages).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
