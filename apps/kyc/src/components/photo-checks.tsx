import { useTranslation } from 'react-i18next';
import { checkLines, verdict, type PhotoCheck } from '@/lib/check-copy';

interface PhotoChecksProps {
  /** checks of the current photo (Document.checks) or the local findings before an upload. */
  checks: readonly PhotoCheck[] | null | undefined;
  isSelfie: boolean;
  /** accepted: the applicant chose to use a photo with warnings. */
  accepted: boolean;
  onAccept(): void;
  onRetake(): void;
}

/**
 * PhotoChecks tells the applicant at once what the automatic checks found, in plain words: a FAIL
 * must be retaken (Continue is refused), a WARN can be kept after confirming ("Use this photo
 * anyway"). Nothing is shown for a photo that passed.
 */
export function PhotoChecks({ checks, isSelfie, accepted, onAccept, onRetake }: PhotoChecksProps) {
  const { t } = useTranslation();
  const lines = checkLines(checks, isSelfie);
  const v = verdict(checks);
  if (lines.length === 0 || v === 'ok') return null;
  const fail = v === 'fail';
  return (
    <div className={`photo-checks photo-checks-${v}`} role={fail ? 'alert' : 'status'} data-checks={v.toUpperCase()}>
      <p className="photo-checks-title">
        <strong>{t(fail ? 'checks.failTitle' : 'checks.warnTitle')}</strong>
      </p>
      <ul>
        {lines.map((l) => (
          <li key={l.key} data-outcome={l.outcome}>
            {t(l.key)}
          </li>
        ))}
      </ul>
      {fail ? (
        <p>{t('checks.failHint')}</p>
      ) : accepted ? (
        <p>{t('checks.accepted')}</p>
      ) : (
        <p>{t('checks.warnHint')}</p>
      )}
      <div className="photo-checks-actions">
        <button type="button" className={`button ${fail || !accepted ? 'primary' : 'secondary'} small`} onClick={onRetake}>
          {t('checks.retake')}
        </button>
        {!fail && !accepted && (
          <button type="button" className="button secondary small" onClick={onAccept}>
            {t('checks.useAnyway')}
          </button>
        )}
      </div>
    </div>
  );
}
