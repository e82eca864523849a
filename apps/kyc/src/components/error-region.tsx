import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShownError } from '@/app/kyc-context';
import { copyFor, retryable } from '@/lib/error-copy';
import { SupportContact } from './support-contact';

/** needsHelp: errors no retry or other photo fixes (a dead link, a refusal, the server failing). */
const needsHelp = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INTERNAL']);

/** ErrorRegion is the one place errors are shown: a role="alert" box with human copy and a retry. */
export function ErrorRegion() {
  const { shown, clear } = useShownError();
  const { t } = useTranslation(); // re-renders the copy on a language change
  const box = useRef<HTMLDivElement>(null);

  // The button that failed may be far below on a phone: bring the message into view.
  useEffect(() => {
    if (shown) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown]);

  if (!shown) return null;
  const { error, retry } = shown;
  return (
    <div role="alert" className="alert" data-code={error.code} ref={box}>
      <p>{copyFor(error)}</p>
      {/* An error the applicant cannot get past alone: say where to get help, when the server says. */}
      {needsHelp.has(error.code) && <SupportContact />}
      <div className="alert-actions">
        {retry && retryable.has(error.code) && (
          <button type="button" className="button secondary small" onClick={retry}>
            {t('errors.tryAgain')}
          </button>
        )}
        <button type="button" className="button link small" onClick={clear}>
          {t('errors.dismiss')}
        </button>
      </div>
    </div>
  );
}
