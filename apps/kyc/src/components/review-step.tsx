import { currentDocument, type DocumentType } from '@kyc/sdk';
import type { ReactNode } from 'react';
import { useAction, useKyc } from '@/app/kyc-context';
import { DocImage } from './doc-image';
import { Actions, ContinueButton, Screen } from './screen';

interface ReviewStepProps {
  state: 'document_review' | 'selfie_review';
  title: string;
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
  const doc = currentDocument(snap.case, type, type === 'SELFIE' ? null : 'FRONT');
  const back = type && type !== 'SELFIE' ? currentDocument(snap.case, type, 'BACK') : undefined;
  return (
    <Screen state={state} title={title}>
      {doc ? (
        <div className={back ? 'sides' : undefined}>
          <figure className="photo">
            <DocImage src={doc.url} alt={alt} />
            {back && <figcaption>Front side</figcaption>}
          </figure>
          {back && (
            <figure className="photo">
              <DocImage src={back.url} alt={`${alt} (back)`} />
              <figcaption>Back side</figcaption>
            </figure>
          )}
        </div>
      ) : (
        <p>We could not find your photo. Please retake it.</p>
      )}
      {children}
      <Actions>
        {client.can('USER_PREV_STEP') && (
          <button type="button" className="button secondary" disabled={snap.pending !== null} onClick={() => void run(() => client.back())}>
            Retake
          </button>
        )}
        <ContinueButton />
      </Actions>
    </Screen>
  );
}
