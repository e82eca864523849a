import type { CaseStatus } from '@kyc/sdk';
import { useKyc } from '@/app/kyc-context';
import { DeleteMyData } from '@/components/delete-my-data';
import { Screen } from '@/components/screen';
import { documentNoun } from '@/lib/labels';

const titles: Record<CaseStatus, string> = {
  IN_PROGRESS: 'Almost there',
  PENDING_REVIEW: "Submitted — we'll review it",
  APPROVED: 'You are verified',
  REJECTED: 'We could not verify you',
  RESUBMISSION_REQUESTED: 'We need new photos',
  // The server shows applicants a four-eyes proposal as PENDING_REVIEW; this is a fallback.
  AWAITING_SECOND_REVIEW: "Submitted — we'll review it",
};

/**
 * FinalScreen is the `final` state: the live review status. On RESUBMISSION_REQUESTED the server
 * has already moved the case back to a photo step; this screen explains why first, and
 * "Re-take photos" (onRetake) lets the router show that step.
 */
export function FinalScreen({ onRetake }: { onRetake?: () => void }) {
  const { snap } = useKyc();
  const c = snap.case;
  const status: CaseStatus = c?.status ?? 'PENDING_REVIEW';
  const flagged = c?.documents.filter((d) => d.status === 'RESUBMISSION_REQUESTED') ?? [];

  return (
    <Screen state="final" title={titles[status]} status={status} back={status === 'IN_PROGRESS'}>
      <section className={`panel status status-${status.toLowerCase()}`} data-status={status} aria-live="polite">
        {status === 'PENDING_REVIEW' && (
          <>
            <p className="status-label">Status: waiting for review</p>
            <p>Thank you. A member of our team will check your photos, usually within one business day.</p>
            <p>You can keep this page open: it updates by itself when we have a decision. You can also close it and come back later.</p>
          </>
        )}
        {status === 'APPROVED' && (
          <>
            <p className="status-label">Status: approved</p>
            <p>Your identity has been confirmed. There is nothing else you need to do.</p>
          </>
        )}
        {status === 'REJECTED' && (
          <>
            <p className="status-label">Status: not approved</p>
            {c?.reason && (
              <p>
                <strong>Reason:</strong> {c.reason}
              </p>
            )}
            <p>If you think this is a mistake, please contact our support team.</p>
          </>
        )}
        {status === 'RESUBMISSION_REQUESTED' && (
          <>
            <p className="status-label">Status: new photos needed</p>
            {c?.reason && <p>{c.reason}</p>}
            <p>Our reviewer needs you to retake:</p>
            <ul className="flagged">
              {flagged.map((d) => (
                <li key={d.id}>
                  <strong>
                    {d.type === 'SELFIE'
                      ? 'Your selfie'
                      : d.side === 'BACK'
                        ? `The back of your ${documentNoun[d.type]}`
                        : `Your ${documentNoun[d.type]} photo`}
                  </strong>
                  {d.reason ? `: ${d.reason}` : ''}
                </li>
              ))}
            </ul>
            <p>Your other photos are kept; you only retake these.</p>
            <button type="button" className="button primary" onClick={onRetake}>
              Re-take photos
            </button>
          </>
        )}
        {status === 'IN_PROGRESS' && <p>Your verification has not been submitted yet.</p>}
      </section>
      {status === 'PENDING_REVIEW' && snap.connection === 'reconnecting' && (
        <p className="connection" role="status">
          Live updates are paused while we reconnect. Your submission is safe.
        </p>
      )}
      <DeleteMyData />
    </Screen>
  );
}
