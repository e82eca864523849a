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
        {/* a globe, drawn (an emoji needs a font that phones may lack) */}
        <svg aria-hidden="true" className="language-icon" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8">
          <circle cx="12" cy="12" r="9.5" />
          <path d="M2.5 12h19M12 2.5c2.6 2.7 3.9 5.9 3.9 9.5s-1.3 6.8-3.9 9.5M12 2.5C9.4 5.2 8.1 8.4 8.1 12s1.3 6.8 3.9 9.5" />
        </svg>
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
