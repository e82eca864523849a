import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CameraProps {
  facingMode: 'environment' | 'user';
  /** onCapture receives the still photo as a JPEG file. */
  onCapture: (file: File) => void;
  /** onError receives the catalog key of what to tell the applicant (camera.denied, camera.none, camera.failed). */
  onError: (key: string) => void;
  disabled?: boolean;
  /** openLabel names the button that opens the camera (default "Use camera"). */
  openLabel?: string;
}

/** hasCamera tells whether getUserMedia exists (only on https or localhost). */
export function hasCamera(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** Camera shows a live preview once asked ("Use camera") and takes a still ("Take photo"). */
export function Camera({ facingMode, onCapture, onError, disabled, openLabel }: CameraProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [starting, setStarting] = useState(false);
  // ready: a real frame has been painted (the first frames of a camera are often black).
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const v = video.current;
    if (v && stream) {
      v.srcObject = stream;
      void v.play().catch(() => undefined);
      v.addEventListener('playing', () => setTimeout(() => setReady(true), 400), { once: true });
    }
    return () => stream?.getTracks().forEach((t) => t.stop());
  }, [stream]);

  async function open() {
    setStarting(true);
    try {
      const s = await navigator.mediaDevices.getUserMedia({
        video: { facingMode, width: { ideal: 1920 }, height: { ideal: 1080 } },
        audio: false,
      });
      setStream(s);
    } catch (err) {
      const name = err instanceof DOMException ? err.name : '';
      onError(
        name === 'NotAllowedError' ? 'camera.denied' : 'camera.none',
      );
    } finally {
      setStarting(false);
    }
  }

  function close() {
    setStream(null);
    setReady(false);
  }

  function take() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return onError('camera.failed');
        onCapture(new File([blob], `photo-${Date.now()}.jpg`, { type: 'image/jpeg' }));
        close();
      },
      'image/jpeg',
      0.9,
    );
  }

  if (!stream) {
    return (
      <button type="button" className="button secondary" onClick={() => void open()} disabled={disabled || starting}>
        {starting ? t('camera.opening') : (openLabel ?? t('camera.open'))}
      </button>
    );
  }
  return (
    <div className="camera">
      <video ref={video} playsInline muted aria-label={t('camera.preview')} className={facingMode === 'user' ? 'mirror' : undefined} />
      <div className="camera-actions">
        <button type="button" className="button primary" onClick={take} disabled={disabled || !ready}>
          {t('camera.take')}
        </button>
        <button type="button" className="button secondary" onClick={close}>
          {t('camera.close')}
        </button>
      </div>
    </div>
  );
}
