import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useKyc } from '@/app/kyc-context';
import { ErrorRegion } from './error-region';
import { ResumePanel } from './resume-panel';

let navigated = false;

interface ScreenProps {
  /** state is the statechart state shown (data-state), e.g. "document_photo". */
  state: string;
  title: string;
  children: ReactNode;
  /** status, when it changes, moves focus back to the heading (the whole screen changed). */
  status?: string;
  /** back shows the Back button when the server allows USER_PREV_STEP. Default true. */
  back?: boolean;
}

/**
 * Screen is the frame of every step: <main data-state>, the step counter, Back, the heading
 * (focused on arrival so keyboard and screen-reader users start at the top), the error region,
 * and — on persisted states — the resume link.
 */
export function Screen({ state, title, children, status, back = true }: ScreenProps) {
  const { snap, client } = useKyc();
  const run = useAction();
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // Not on the first screen of a page load: the browser starts at the top anyway.
  useEffect(() => {
    if (navigated) heading.current?.focus();
    navigated = true;
  }, [state, status]);

  const states = snap.workflow?.states ?? [];
  const index = states.findIndex((s) => s.name === state);
  const info = index >= 0 ? states[index] : undefined;
  // Once submitted (waiting for review, decided) there is nothing left to continue elsewhere:
  // the resume link is offered only while the applicant still has something to do.
  const nothingToDo =
    state === 'final'
      ? snap.status !== 'IN_PROGRESS' && snap.status !== 'RESUBMISSION_REQUESTED'
      : snap.status === 'APPROVED' || snap.status === 'REJECTED';
  const showBack = back && !!snap.case && client.can('USER_PREV_STEP');
  const showCount = !!snap.case && index >= 0;

  return (
    <main data-state={state} aria-labelledby={headingId} className="screen">
      {(showBack || showCount) && (
        <div className="screen-top">
          {showBack ? (
            <button
              type="button"
              className="button link back"
              disabled={snap.pending !== null}
              onClick={() => void run(() => client.back())}
            >
              <span aria-hidden="true" className="back-arrow">
                ←
              </span>
              {t('screen.back')}
            </button>
          ) : (
            <span />
          )}
          {showCount && (
            <p className="step-count">
              {t('screen.stepCount', { n: index + 1, total: states.length })}
            </p>
          )}
        </div>
      )}
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <ErrorRegion />
      {children}
      {info?.persisted && snap.resumeUrl && !nothingToDo && <ResumePanel url={snap.resumeUrl} />}
    </main>
  );
}

/** Actions lays out a screen's buttons: the primary one last in the DOM, first on a phone. */
export function Actions({ children }: { children: ReactNode }) {
  return <div className="actions">{children}</div>;
}

/** ContinueButton sends USER_NEXT_STEP (through `onClick` when the step needs a payload). */
export function ContinueButton({ onClick, label }: { onClick?: () => Promise<unknown>; label?: string }) {
  const { snap, client } = useKyc();
  const run = useAction();
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button primary"
      disabled={snap.pending !== null}
      aria-busy={snap.pending === 'next' || undefined}
      onClick={() => void run(onClick ?? (() => client.next()))}
    >
      {label ?? t('screen.continue')}
    </button>
  );
}
