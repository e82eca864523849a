import { useTranslation } from 'react-i18next';
import { useKyc } from '@/app/kyc-context';
import { PhotoStep } from '@/components/photo-step';

/** DocumentPhotoScreen is the `document_photo` state (the chart's submit state). */
export function DocumentPhotoScreen() {
  const { snap } = useKyc();
  const { t } = useTranslation();
  const type = snap.case?.selectedDocumentType;
  // Every identity document but the passport has a back side: optional, offered beside the front.
  const offerBack = !!type && type !== 'PASSPORT';
  return (
    <PhotoStep state="document_photo" title={t(`documentPhoto.title.${type ?? 'none'}`)} facingMode="environment" side="FRONT" offerBack={offerBack}>
      <ul className="tips">
        <li>{t('documentPhoto.tipSurface')}</li>
        <li>{t(type === 'PASSPORT' ? 'documentPhoto.tipFitPassport' : offerBack ? 'documentPhoto.tipFitSide' : 'documentPhoto.tipFitFront')}</li>
        <li>{t('documentPhoto.tipGlare')}</li>
      </ul>
    </PhotoStep>
  );
}
