import { useErased } from '@/app/kyc-context';
import { Actions, Screen } from '@/components/screen';

/** ErasedScreen follows "Delete my data": the case is withdrawn and the applicant's data erased. */
export function ErasedScreen() {
  const { setErased } = useErased();
  return (
    <Screen state="erased" title="Your data was deleted">
      <section className="panel status" aria-live="polite">
        <p>We deleted your name, email and photos, and stopped this verification.</p>
        <p>The link to continue it no longer works. You can close this page.</p>
      </section>
      <Actions>
        <button type="button" className="button secondary" onClick={() => setErased(false)}>
          Start a new verification
        </button>
      </Actions>
    </Screen>
  );
}
