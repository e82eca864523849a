import { useTranslation } from 'react-i18next';
import { ReviewStep } from '@/components/review-step';

/** SelfieReviewScreen is the `selfie_review` state; continuing submits the case. */
export function SelfieReviewScreen() {
  const { t } = useTranslation();
  return (
    <ReviewStep state="selfie_review" title={() => t('selfieReview.title')} type="SELFIE" alt={t('selfieReview.alt')}>
      <p>{t('selfieReview.body')}</p>
    </ReviewStep>
  );
}
