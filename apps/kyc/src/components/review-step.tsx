import type { DocumentType } from '@kyc/sdk';
import type { ReactNode } from 'react';
import { useAction, useKyc } from '@/app/kyc-context';
import { Actions, ContinueButton, Screen } from './screen';

interface ReviewStepProps {
  state: 'document_review' | 'selfie_review';
  title: string;
  type: DocumentType | null | undefined;
  alt: string;
  children: ReactNode;
}

/** ReviewStep shows the uploaded photo with Retake (USER_PREV_STEP) and Continue. */
export function ReviewStep({ state, title, type, alt, children }: ReviewStepProps) {
  const { snap, client } = useKyc();
  const run = useAction();
  const doc = snap.case?.documents.find((d) => d.type === type);
  return (
    <Screen state={state} title={title}>
      {doc ? (
        <figure className="photo">
          <img src={doc.url} alt={alt} />
        </figure>
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
