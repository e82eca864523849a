import { useTranslation } from 'react-i18next';
import { useKyc } from '@/app/kyc-context';
import { ReviewStep } from '@/components/review-step';

/** DocumentReviewScreen is the `document_review` state (persisted: the resume link is shown). */
export function DocumentReviewScreen() {
  const { snap } = useKyc();
  const { t } = useTranslation();
  const type = snap.case?.selectedDocumentType;
  return (
    <ReviewStep
      state="document_review"
      title={(count) => t('documentReview.title', { count })}
      type={type}
      alt={t(`review.alt.${type ?? 'none'}`)}
    >
      <p>{t('documentReview.body')}</p>
    </ReviewStep>
  );
}
