import { useTranslation } from 'react-i18next';
import { PhotoStep } from '@/components/photo-step';

/** SelfieScreen is the `selfie` state: a photo of the applicant's face, front camera. */
export function SelfieScreen() {
  const { t } = useTranslation();
  return (
    <PhotoStep state="selfie" title={t('selfie.title')} facingMode="user" side={null}>
      <ul className="tips">
        <li>{t('selfie.tipLight')}</li>
        <li>{t('selfie.tipCover')}</li>
        <li>{t('selfie.tipNeutral')}</li>
      </ul>
    </PhotoStep>
  );
}
