import { useTranslation } from 'react-i18next';
import { useErased } from '@/app/kyc-context';
import { Actions, Screen } from '@/components/screen';

/** ErasedScreen follows "Delete my data": the case is withdrawn and the applicant's data erased. */
export function ErasedScreen() {
  const { setErased } = useErased();
  const { t } = useTranslation();
  return (
    <Screen state="erased" title={t('erased.title')}>
      <section className="panel status" aria-live="polite">
        <p>{t('erased.body')}</p>
        <p>{t('erased.linkGone')}</p>
      </section>
      <Actions>
        <button type="button" className="button secondary" onClick={() => setErased(false)}>
          {t('erased.startNew')}
        </button>
      </Actions>
    </Screen>
  );
}
