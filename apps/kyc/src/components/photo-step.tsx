import { photoTypeFor, usablePhoto, type DocumentSide, type DocumentType } from '@kyc/sdk';
import { useId, useRef, type ReactNode } from 'react';
import { useAction, useKyc, useShowError } from '@/app/kyc-context';
import { HumanError } from '@/lib/error-copy';
import { documentNoun } from '@/lib/labels';
import { Camera, hasCamera } from './camera';
import { Actions, ContinueButton, Screen } from './screen';

interface PhotoStepProps {
  state: 'document_photo' | 'selfie';
  title: string;
  facingMode: 'environment' | 'user';
  side: DocumentSide | null;
  children: ReactNode;
}

/**
 * PhotoStep is a capture screen: camera (getUserMedia) or file picker, upload with a progress bar,
 * the kept photo when there is one, and Continue — which the SDK holds until the upload succeeded.
 */
export function PhotoStep({ state, title, facingMode, side, children }: PhotoStepProps) {
  const { snap, client } = useKyc();
  const run = useAction();
  const showError = useShowError();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const type: DocumentType | null = photoTypeFor(snap.case, state);
  const current = snap.case?.documents.find((d) => d.type === type);
  const kept = usablePhoto(snap.case, type);
  const upload = snap.upload && snap.upload.type === type ? snap.upload : null;
  const uploading = upload?.status === 'uploading';
  // While resubmitting, only the photos the reviewer flagged can be re-taken; the others are kept.
  const locked = snap.case?.status === 'RESUBMISSION_REQUESTED' && !!type && !snap.case.resubmissionTypes.includes(type);

  function send(file: File) {
    if (!type) return;
    void run(() => client.upload(type, side, file));
  }

  return (
    <Screen state={state} title={title}>
      {current?.status === 'RESUBMISSION_REQUESTED' && (
        <div className="notice" role="note">
          <p>
            <strong>Our reviewer asked for a new photo.</strong> {current.reason ? `Reason: ${current.reason}` : ''}
          </p>
        </div>
      )}
      {children}

      {kept && (
        <figure className="photo">
          <img src={kept.url} alt={`Your current ${documentNoun[kept.type]} photo`} />
          <figcaption>
            {locked
              ? 'This photo is kept: our reviewer did not ask for a new one.'
              : upload?.status === 'done'
                ? 'Photo uploaded.'
                : 'We have this photo. Continue to keep it, or take a new one.'}
          </figcaption>
        </figure>
      )}

      {!locked && (
      <section className="capture" aria-label="Add a photo">
        {hasCamera() && (
          <Camera
            facingMode={facingMode}
            disabled={uploading}
            onCapture={send}
            onError={(message) => showError({ error: new HumanError(message) })}
          />
        )}
        <div className="file-field">
          <input
            ref={input}
            id={inputId}
            className="visually-hidden-file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture={facingMode}
            disabled={uploading}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) send(file);
            }}
          />
          <label htmlFor={inputId} className="button secondary file-label">
            Upload a photo
          </label>
          <p className="hint">JPEG, PNG or WebP, up to 10 MB.</p>
        </div>
      </section>
      )}

      {upload && upload.status !== 'error' && (
        <div className="progress">
          <label htmlFor={`${inputId}-progress`}>{uploading ? 'Uploading your photo…' : 'Upload complete'}</label>
          <progress id={`${inputId}-progress`} max={100} value={Math.round(upload.progress * 100)}>
            {Math.round(upload.progress * 100)}%
          </progress>
        </div>
      )}

      <Actions>
        <ContinueButton />
      </Actions>
    </Screen>
  );
}
