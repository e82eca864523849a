import { currentDocument, type DocumentType } from '@kyc/sdk';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useKyc } from '@/app/kyc-context';
import { DocImage } from './doc-image';
import { Actions, ContinueButton, Screen } from './screen';

interface ReviewStepProps {
  state: 'document_review' | 'selfie_review';
  /** title is the heading, given how many photos are shown (one, or the front and the back). */
  title: (photos: number) => string;
  type: DocumentType | null | undefined;
  alt: string;
  children: ReactNode;
}

/**
 * ReviewStep shows the uploaded photo with Retake (USER_PREV_STEP) and Continue. When the document
 * has a back side too, both are shown, each captioned with its side.
 */
export function ReviewStep({ state, title, type, alt, children }: ReviewStepProps) {
  const { snap, client } = useKyc();
  const run = useAction();
  const { t } = useTranslation();
  const doc = currentDocument(snap.case, type, type === 'SELFIE' ? null : 'FRONT');
  const back = type && type !== 'SELFIE' ? currentDocument(snap.case, type, 'BACK') : undefined;
  return (
    <Screen state={state} title={title(doc && back ? 2 : 1)}>
      {doc ? (
        <div className={back ? 'sides' : undefined}>
          <figure className="photo">
            <DocImage src={doc.url} alt={alt} />
            {back && <figcaption>{t('review.front')}</figcaption>}
          </figure>
          {back && (
            <figure className="photo">
              <DocImage src={back.url} alt={t('review.altBack', { alt })} />
              <figcaption>{t('review.back')}</figcaption>
            </figure>
          )}
        </div>
      ) : (
        <p>{t('review.missing')}</p>
      )}
      {children}
      <Actions>
        {client.can('USER_PREV_STEP') && (
          <button type="button" className="button secondary" disabled={snap.pending !== null} onClick={() => void run(() => client.back())}>
            {t('screen.retake')}
          </button>
        )}
        <ContinueButton />
      </Actions>
    </Screen>
  );
}
