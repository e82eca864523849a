import type { CaseStatus } from '@kyc/sdk';
import { useTranslation } from 'react-i18next';
import { useKyc } from '@/app/kyc-context';
import { DeleteMyData } from '@/components/delete-my-data';
import { Screen } from '@/components/screen';

/**
 * FinalScreen is the `final` state: the live review status. On RESUBMISSION_REQUESTED the server
 * has already moved the case back to a photo step; this screen explains why first, and
 * "Re-take photos" (onRetake) lets the router show that step.
 */
export function FinalScreen({ onRetake }: { onRetake?: () => void }) {
  const { snap } = useKyc();
  const { t } = useTranslation();
  const c = snap.case;
  const status: CaseStatus = c?.status ?? 'PENDING_REVIEW';
  const flagged = c?.documents.filter((d) => d.status === 'RESUBMISSION_REQUESTED') ?? [];

  return (
    <Screen state="final" title={t(`final.title.${status}`)} status={status} back={status === 'IN_PROGRESS'}>
      <section className={`panel status status-${status.toLowerCase()}`} data-status={status} aria-live="polite">
        {status === 'PENDING_REVIEW' && (
          <>
            <p className="status-label">{t('final.pendingLabel')}</p>
            <p>{t('final.pendingThanks')}</p>
            <p>{t('final.pendingLive')}</p>
          </>
        )}
        {status === 'APPROVED' && (
          <>
            <p className="status-label">{t('final.approvedLabel')}</p>
            <p>{t('final.approvedBody')}</p>
          </>
        )}
        {status === 'REJECTED' && (
          <>
            <p className="status-label">{t('final.rejectedLabel')}</p>
            {c?.reason && (
              <p>
                <strong>{t('final.reason')}</strong> {c.reason}
              </p>
            )}
            <p>{t('final.contactSupport')}</p>
          </>
        )}
        {status === 'RESUBMISSION_REQUESTED' && (
          <>
            <p className="status-label">{t('final.resubmissionLabel')}</p>
            {c?.reason && <p>{c.reason}</p>}
            <p>{t('final.retakeIntro')}</p>
            <ul className="flagged">
              {flagged.map((d) => (
                <li key={d.id}>
                  <strong>
                    {d.type === 'SELFIE'
                      ? t('final.flaggedSelfie')
                      : t(d.side === 'BACK' ? 'final.flaggedBack' : 'final.flaggedFront', { noun: t(`photo.noun.${d.type}`) })}
                  </strong>
                  {d.reason ? `: ${d.reason}` : ''}
                </li>
              ))}
            </ul>
            <p>{t('final.othersKept')}</p>
            <button type="button" className="button primary" onClick={onRetake}>
              {t('final.retakePhotos')}
            </button>
          </>
        )}
        {status === 'IN_PROGRESS' && <p>{t('final.notSubmitted')}</p>}
      </section>
      {status === 'PENDING_REVIEW' && snap.connection === 'reconnecting' && (
        <p className="connection" role="status">
          {t('final.reconnecting')}
        </p>
      )}
      <DeleteMyData />
    </Screen>
  );
}
