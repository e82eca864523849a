import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentPhotoScreen } from '@/features/document-photo/document-photo-screen';
import { DocumentReviewScreen } from '@/features/document-review/document-review-screen';
import { DocumentSelectionScreen } from '@/features/document-selection/document-selection-screen';
import { ErasedScreen } from '@/features/erased/erased-screen';
import { FinalScreen } from '@/features/final/final-screen';
import { SelfieReviewScreen } from '@/features/selfie-review/selfie-review-screen';
import { SelfieScreen } from '@/features/selfie/selfie-screen';
import { WelcomeScreen } from '@/features/welcome/welcome-screen';
import { Screen } from '@/components/screen';
import { useErased, useKyc } from './kyc-context';

/** Step names the screens this app has; the transitions between them come from the server. */
type Step = 'welcome' | 'document_selection' | 'document_photo' | 'document_review' | 'selfie' | 'selfie_review' | 'final';

const ACK_KEY = 'kyc.ack';

function readAck(): string | null {
  try {
    return localStorage.getItem(ACK_KEY);
  } catch {
    return null;
  }
}

/** Router shows the screen of the server's state (Case.state); no case yet is the landing page. */
export function Router() {
  const { snap } = useKyc();
  const { erased } = useErased();
  const { t } = useTranslation();
  const c = snap.case;
  // A resubmission request is explained on the final screen before the photo step it sends to.
  const [ack, setAck] = useState<string | null>(readAck);
  // After "Delete my data" the case is gone (token forgotten): say so, rather than the landing page.
  if (erased && !c) return <ErasedScreen />;
  if (!c) return <WelcomeScreen />;

  const ackKey = `${c.id}:${c.revision}`;
  if (c.status === 'RESUBMISSION_REQUESTED' && ack !== ackKey) {
    return (
      <FinalScreen
        onRetake={() => {
          try {
            localStorage.setItem(ACK_KEY, ackKey);
          } catch {
            // not persisted: the explanation shows again after a reload, which is harmless
          }
          setAck(ackKey);
        }}
      />
    );
  }

  const step = c.state as Step;
  switch (step) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'document_selection':
      return <DocumentSelectionScreen />;
    case 'document_photo':
      return <DocumentPhotoScreen />;
    case 'document_review':
      return <DocumentReviewScreen />;
    case 'selfie':
      return <SelfieScreen />;
    case 'selfie_review':
      return <SelfieReviewScreen />;
    case 'final':
      return <FinalScreen />;
    default:
      step satisfies never;
      return (
        <Screen state={c.state} title={t('app.updateTitle')}>
          <p>{t('app.updateBody')}</p>
        </Screen>
      );
  }
}
