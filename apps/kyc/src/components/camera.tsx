import { useEffect, useRef, useState } from 'react';

interface CameraProps {
  facingMode: 'environment' | 'user';
  /** onCapture receives the still photo as a JPEG file. */
  onCapture: (file: File) => void;
  onError: (message: string) => void;
  disabled?: boolean;
  /** openLabel names the button that opens the camera (default "Use camera"). */
  openLabel?: string;
}

/** hasCamera tells whether getUserMedia exists (only on https or localhost). */
export function hasCamera(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** Camera shows a live preview once asked ("Use camera") and takes a still ("Take photo"). */
export function Camera({ facingMode, onCapture, onError, disabled, openLabel = 'Use camera' }: CameraProps) {
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
        name === 'NotAllowedError'
          ? 'Camera access was not allowed. You can allow it in your browser settings, or upload a photo instead.'
          : 'We could not open a camera on this device. Please upload a photo instead.',
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
        if (!blob) return onError('We could not take the photo. Please try again or upload a photo instead.');
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
        {starting ? 'Opening camera…' : openLabel}
      </button>
    );
  }
  return (
    <div className="camera">
      <video ref={video} playsInline muted aria-label="Camera preview" className={facingMode === 'user' ? 'mirror' : undefined} />
      <div className="camera-actions">
        <button type="button" className="button primary" onClick={take} disabled={disabled || !ready}>
          Take photo
        </button>
        <button type="button" className="button secondary" onClick={close}>
          Close camera
        </button>
      </div>
    </div>
  );
}
