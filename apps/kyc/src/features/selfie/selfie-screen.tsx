import { PhotoStep } from '@/components/photo-step';

/** SelfieScreen is the `selfie` state: a photo of the applicant's face, front camera. */
export function SelfieScreen() {
  return (
    <PhotoStep state="selfie" title="Take a selfie" facingMode="user" side={null}>
      <ul className="tips">
        <li>Face the camera in good light, with your whole face visible.</li>
        <li>Remove sunglasses, hats or masks.</li>
        <li>Keep a neutral expression.</li>
      </ul>
    </PhotoStep>
  );
}
