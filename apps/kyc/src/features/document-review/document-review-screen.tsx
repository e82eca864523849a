import { useKyc } from '@/app/kyc-context';
import { ReviewStep } from '@/components/review-step';
import { documentNoun } from '@/lib/labels';

/** DocumentReviewScreen is the `document_review` state (persisted: the resume link is shown). */
export function DocumentReviewScreen() {
  const { snap } = useKyc();
  const type = snap.case?.selectedDocumentType;
  const name = type ? documentNoun[type] : 'document';
  return (
    <ReviewStep state="document_review" title="Check your photo" type={type} alt={`Your ${name} photo`}>
      <p>Make sure all four corners are visible and every word is easy to read. If not, retake the photo.</p>
    </ReviewStep>
  );
}
