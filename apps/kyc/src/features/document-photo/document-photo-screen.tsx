import { useKyc } from '@/app/kyc-context';
import { PhotoStep } from '@/components/photo-step';
import { documentNoun } from '@/lib/labels';

/** DocumentPhotoScreen is the `document_photo` state (the chart's submit state). */
export function DocumentPhotoScreen() {
  const { snap } = useKyc();
  const type = snap.case?.selectedDocumentType;
  const name = type ? documentNoun[type] : 'document';
  // Every identity document but the passport has a back side: optional, offered beside the front.
  const offerBack = !!type && type !== 'PASSPORT';
  return (
    <PhotoStep state="document_photo" title={`Photograph your ${name}`} facingMode="environment" side="FRONT" offerBack={offerBack}>
      <ul className="tips">
        <li>Place it on a dark, flat surface in good light.</li>
        <li>Fit the whole {type === 'PASSPORT' ? 'photo page' : offerBack ? 'side' : 'front side'} in the picture, with all four corners.</li>
        <li>Avoid glare and make sure the text is sharp.</li>
      </ul>
    </PhotoStep>
  );
}
