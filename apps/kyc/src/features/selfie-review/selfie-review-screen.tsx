import { ReviewStep } from '@/components/review-step';

/** SelfieReviewScreen is the `selfie_review` state; continuing submits the case. */
export function SelfieReviewScreen() {
  return (
    <ReviewStep state="selfie_review" title="Check your selfie" type="SELFIE" alt="Your selfie">
      <p>Your whole face should be visible and sharp. When you continue, we send your photos for review.</p>
    </ReviewStep>
  );
}
