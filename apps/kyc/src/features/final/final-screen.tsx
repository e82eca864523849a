import type { CaseStatus } from '@kyc/sdk';
import { useTranslation } from 'react-i18next';
import { useKyc } from '@/app/kyc-context';
import { DeleteMyData } from '@/components/delete-my-data';
import { LiveStatus } from '@/components/live-status';
import { Screen } from '@/components/screen';
import { SupportContact } from '@/components/support-contact';
import { applicantReason } from '@/lib/reasons';

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
  const rejection = applicantReason(c?.reasonCode, c?.reason);
  // Waiting for a decision: the screen the applicant may keep open for a while.
  const waiting = status === 'PENDING_REVIEW' || status === 'AWAITING_SECOND_REVIEW';

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
            {(rejection.preset ?? rejection.own) && (
              <p data-reason>
                <strong>{t('final.reason')}</strong> {rejection.preset ?? rejection.own}
              </p>
            )}
            {rejection.preset && rejection.own && (
              <p>
                {t('support.reviewerAdded')} <q>{rejection.own}</q>
              </p>
            )}
            <p>{t('final.contactSupport')}</p>
            <SupportContact />
          </>
        )}
        {status === 'RESUBMISSION_REQUESTED' && (
          <>
            <p className="status-label">{t('final.resubmissionLabel')}</p>
            {c?.reason && <p>{c.reason}</p>}
            <p>{t('final.retakeIntro')}</p>
            <ul className="flagged">
              {flagged.map((d) => {
                const why = applicantReason(d.reasonCode, d.reason);
                const text = [why.preset, why.own].filter(Boolean).join(' ');
                return (
                  <li key={d.id} data-flagged={d.type}>
                    <strong>
                      {d.type === 'SELFIE'
                        ? t('final.flaggedSelfie')
                        : t(d.side === 'BACK' ? 'final.flaggedBack' : 'final.flaggedFront', { noun: t(`photo.noun.${d.type}`) })}
                    </strong>
                    {text ? `: ${text}` : ''}
                  </li>
                );
              })}
            </ul>
            <p>{t('final.othersKept')}</p>
            <button type="button" className="button primary" onClick={onRetake}>
              {t('final.retakePhotos')}
            </button>
          </>
        )}
        {status === 'IN_PROGRESS' && <p>{t('final.notSubmitted')}</p>}
      </section>
      {waiting && <LiveStatus transport={snap.liveTransport} everySeconds={snap.pollSeconds} />}
      {/* Polling also reports 'reconnecting'; then the line above says how it goes on instead. */}
      {status === 'PENDING_REVIEW' && snap.connection === 'reconnecting' && snap.liveTransport !== 'polling' && (
        <p className="connection" role="status">
          {t('final.reconnecting')}
        </p>
      )}
      <DeleteMyData />
    </Screen>
  );
}
