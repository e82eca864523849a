import {
  currentDocument,
  isRefused,
  photoTypeFor,
  refusedBack,
  type Case,
  type DocumentSide,
  type DocumentType,
  type KycDocument,
} from '@kyc/sdk';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useAction, useKyc, useShowError } from '@/app/kyc-context';
import { HumanError } from '@/lib/error-copy';
import { documentNoun } from '@/lib/labels';
import { Camera, hasCamera } from './camera';
import { DocImage } from './doc-image';
import { Actions, ContinueButton, Screen } from './screen';

interface PhotoStepProps {
  state: 'document_photo' | 'selfie';
  title: string;
  facingMode: 'environment' | 'user';
  side: DocumentSide | null;
  /** offerBack adds the optional back side (identity documents other than the passport). */
  offerBack?: boolean;
  children: ReactNode;
}

/** RETAKE_BACK is the alert when Continue is pressed while the reviewer's flagged back is still there. */
export const RETAKE_BACK = 'Our reviewer asked for a new photo of the back side. Please re-take it before you continue.';

/**
 * kept says whether a photo stays as it is during a resubmission: its type was not flagged, or it
 * is a usable photo of the submission the reviewer saw. Photos taken since can still be re-taken.
 */
function isKept(c: Case | null, type: DocumentType | null, doc: KycDocument | undefined): boolean {
  if (!c || c.status !== 'RESUBMISSION_REQUESTED' || !type) return false;
  if (!c.resubmissionTypes.includes(type)) return true;
  if (!doc || isRefused(doc)) return false;
  // Photos of the submission the reviewer saw are kept; those taken since are re-takes.
  return !!c.submittedAt && Date.parse(doc.createdAt) <= Date.parse(c.submittedAt);
}

/**
 * PhotoStep is a capture screen: camera (getUserMedia) or file picker, upload with a progress bar,
 * the kept photo when there is one, and Continue — which the SDK holds until the upload succeeded.
 * With offerBack, the front and the optional back side are two panels with the same controls.
 */
export function PhotoStep({ state, title, facingMode, side, offerBack = false, children }: PhotoStepProps) {
  const { snap, client } = useKyc();
  const type: DocumentType | null = photoTypeFor(snap.case, state);
  const front = currentDocument(snap.case, type, side);
  const back = offerBack ? currentDocument(snap.case, type, 'BACK') : undefined;
  const flagged = [front, back].filter((d): d is KycDocument => isRefused(d));

  function next() {
    // The back is optional, but a flagged one must be re-taken (the server refuses it too).
    if (offerBack && refusedBack(snap.case, type)) return Promise.reject(new HumanError(RETAKE_BACK));
    return client.next();
  }

  return (
    <Screen state={state} title={title}>
      {flagged.length > 0 && (
        <div className="notice" role="note">
          {flagged.map((d) => (
            <p key={d.id}>
              <strong>
                {offerBack
                  ? `Our reviewer asked for a new photo of the ${d.side === 'BACK' ? 'back' : 'front'} side.`
                  : 'Our reviewer asked for a new photo.'}
              </strong>{' '}
              {d.reason ? `Reason: ${d.reason}` : ''}
            </p>
          ))}
        </div>
      )}
      {children}

      {offerBack ? (
        <div className="sides">
          <PhotoSide type={type} side={side} doc={front} facingMode={facingMode} headed />
          <BackSide type={type} doc={back} facingMode={facingMode} />
        </div>
      ) : (
        <PhotoSide type={type} side={side} doc={front} facingMode={facingMode} />
      )}

      <Actions>
        <ContinueButton onClick={offerBack ? next : undefined} />
      </Actions>
    </Screen>
  );
}

interface PhotoSideProps {
  type: DocumentType | null;
  side: DocumentSide | null;
  doc: KycDocument | undefined;
  facingMode: 'environment' | 'user';
  /** headed: the panel has its own heading ("Front side" / "Back side") and is a region. */
  headed?: boolean;
  /** children go under the heading (e.g. what the back is for). */
  children?: ReactNode;
}

/** Capture holds the camera and file controls: the step's "Add a photo" region, or plain inside a side panel. */
function Capture({ headed, children }: { headed: boolean; children: ReactNode }) {
  return headed ? (
    <div className="capture">{children}</div>
  ) : (
    <section className="capture" aria-label="Add a photo">
      {children}
    </section>
  );
}

const sideName = (side: DocumentSide | null) => (side === 'BACK' ? 'Back side' : 'Front side');

/** PhotoSide is one photo of the step: its state (thumbnail and caption), capture controls and progress. */
function PhotoSide({ type, side, doc, facingMode, headed = false, children }: PhotoSideProps) {
  const { snap, client } = useKyc();
  const run = useAction();
  const showError = useShowError();
  const inputId = useId();
  const headingId = useId();
  const isBack = side === 'BACK';
  const kept = isKept(snap.case, type, doc);
  const flagged = isRefused(doc);
  // One upload at a time: the SDK reports progress for the latest one.
  const anyUploading = snap.upload?.status === 'uploading';
  const upload = snap.upload && snap.upload.type === type && (snap.upload.side === 'BACK') === isBack ? snap.upload : null;
  const uploading = upload?.status === 'uploading';
  const noun = type ? documentNoun[type] : 'document';

  function send(file: File) {
    if (!type) return;
    void run(() => client.upload(type, side, file));
  }

  let tag: { text: string; tone: string } | null = null;
  if (headed) {
    if (flagged) tag = { text: 'New photo needed', tone: 'bad' };
    else if (kept && doc) tag = { text: 'Kept', tone: 'good' };
    else if (doc) tag = { text: 'Added', tone: 'good' };
    else tag = isBack ? { text: 'Optional', tone: 'muted' } : { text: 'Required', tone: 'muted' };
  }

  const body = (
    <>
      {doc && (
        <figure className={flagged ? 'photo photo-flagged' : 'photo'}>
          <DocImage
            src={doc.url}
            alt={
              flagged
                ? `Your ${noun} photo${isBack ? ' (back)' : ''} that needs to be re-taken`
                : `Your current ${noun} photo${isBack ? ' (back)' : ''}`
            }
          />
          <figcaption>
            {flagged
              ? 'Please take a new photo.'
              : kept
                ? 'This photo is kept: our reviewer did not ask for a new one.'
                : upload?.status === 'done'
                  ? 'Photo uploaded.'
                  : 'We have this photo. Continue to keep it, or take a new one.'}
          </figcaption>
        </figure>
      )}

      {!kept && (
        <Capture headed={headed}>
          {hasCamera() && (
            <Camera
              facingMode={facingMode}
              disabled={anyUploading}
              openLabel={isBack ? 'Photograph the back side' : undefined}
              onCapture={send}
              onError={(message) => showError({ error: new HumanError(message) })}
            />
          )}
          <div className="file-field">
            <input
              id={inputId}
              className="visually-hidden-file"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              capture={facingMode}
              disabled={anyUploading}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) send(file);
              }}
            />
            <label htmlFor={inputId} className="button secondary file-label">
              {isBack ? 'Upload the back side' : 'Upload a photo'}
            </label>
            <p className="hint">JPEG, PNG or WebP, up to 10 MB.</p>
          </div>
        </Capture>
      )}

      {upload && upload.status !== 'error' && (
        <div className="progress">
          <label htmlFor={`${inputId}-progress`}>{uploading ? 'Uploading your photo…' : 'Upload complete'}</label>
          <progress id={`${inputId}-progress`} max={100} value={Math.round(upload.progress * 100)}>
            {Math.round(upload.progress * 100)}%
          </progress>
        </div>
      )}
    </>
  );

  if (!headed) return body;
  return (
    <section className={`side${flagged ? ' side-flagged' : ''}`} aria-labelledby={headingId} data-side={side ?? 'FRONT'}>
      <div className="side-head">
        <h2 id={headingId}>{sideName(side)}</h2>
        {tag && <span className={`tag tag-${tag.tone}`}>{tag.text}</span>}
      </div>
      {children}
      {body}
    </section>
  );
}

/**
 * BackSide is the optional back: a button that opens its panel, or the panel itself once there is
 * a back photo (or the applicant asked for it).
 */
function BackSide({ type, doc, facingMode }: { type: DocumentType | null; doc: KycDocument | undefined; facingMode: 'environment' | 'user' }) {
  const { snap } = useKyc();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const kept = isKept(snap.case, type, doc);
  if (doc || open) {
    return (
      <div ref={panel} className="side-wrap">
        <PhotoSide type={type} side="BACK" doc={doc} facingMode={facingMode} headed>
          {!doc && <p className="side-help">The back shows your address and the machine-readable lines.</p>}
        </PhotoSide>
      </div>
    );
  }
  if (kept) return null; // a resubmission that did not ask for this document: nothing to add
  return (
    <section className="side side-closed" aria-labelledby={headingId} data-side="BACK">
      <div className="side-head">
        <h2 id={headingId}>Back side</h2>
        <span className="tag tag-muted">Optional</span>
      </div>
      <p className="side-help">The back shows your address and the machine-readable lines. Adding it can speed up the review.</p>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          setOpen(true);
          // The button goes away: keep keyboard focus in the panel that replaces it.
          requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('button, input')?.focus());
        }}
      >
        Add the back side (optional)
      </button>
    </section>
  );
}
