import {
  currentDocument,
  isRefused,
  photoTypeFor,
  refusedBack,
  usablePhoto,
  KycError,
  type Case,
  type DocumentSide,
  type DocumentType,
  type KycDocument,
} from '@kyc/sdk';
import { createContext, useContext, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useKyc, useShowError } from '@/app/kyc-context';
import { stepRefusal } from '@/lib/check-copy';
import { HumanError } from '@/lib/error-copy';
import { preparePhoto, type LocalCheck } from '@/lib/photo-prep';
import { Camera, hasCamera } from './camera';
import { DocImage } from './doc-image';
import { PhotoChecks } from './photo-checks';
import { Actions, ContinueButton, Screen } from './screen';
import { applicantReason } from '@/lib/reasons';

interface PhotoStepProps {
  state: 'document_photo' | 'selfie';
  title: string;
  facingMode: 'environment' | 'user';
  side: DocumentSide | null;
  /** offerBack adds the optional back side (identity documents other than the passport). */
  offerBack?: boolean;
  children: ReactNode;
}

/** RETAKE_BACK is the alert (a catalog key) when Continue is pressed while the reviewer's flagged back is still there. */
export const RETAKE_BACK = 'photo.retakeBack';

/** SELFIE_REQUIRED is the alert (a catalog key) when Continue is pressed on the selfie step without a selfie. */
export const SELFIE_REQUIRED = 'selfie.required';

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
  const { t } = useTranslation();
  // Photos with warnings the applicant chose to use ("Use this photo anyway"), by document id.
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(() => new Set());
  // preparing: a photo being measured (and maybe scaled down) in the browser before its upload
  // starts; Continue waits for it, as the SDK waits for an upload in flight.
  const preparing = useRef<Promise<unknown> | null>(null);
  const checksState = {
    accepted,
    accept: (id: string) => setAccepted((s) => new Set(s).add(id)),
    track: (p: Promise<unknown>) => {
      preparing.current = p;
      void p.finally(() => {
        if (preparing.current === p) preparing.current = null;
      });
    },
  };

  async function next() {
    if (preparing.current) await preparing.current;
    const c = client.snapshot.case;
    // The back is optional, but a flagged one must be re-taken (the server refuses it too).
    if (offerBack && refusedBack(c, type)) throw new HumanError(RETAKE_BACK);
    // A photo that failed its checks is retaken; one with warnings is confirmed first (photos kept
    // in a resubmission were confirmed in their round).
    const mine = [currentDocument(c, type, side), offerBack ? currentDocument(c, type, 'BACK') : undefined];
    const changeable = mine.filter((d) => d && !isKept(c, type, d));
    const refusal = stepRefusal(changeable.map((d) => d && { id: d.id, checks: d.checks }), accepted);
    if (refusal) throw new HumanError(refusal);
    // The selfie step is no submit step of the chart, so the server (not the SDK) refuses to go on
    // without a selfie, as INVALID_TRANSITION: say what is missing, as the document step does.
    const noSelfie = () => type === 'SELFIE' && !usablePhoto(client.snapshot.case, 'SELFIE');
    if (noSelfie() && client.snapshot.upload?.status !== 'uploading') throw new HumanError(SELFIE_REQUIRED);
    try {
      return await client.next();
    } catch (err) {
      if (err instanceof KycError && (err.code === 'INVALID_TRANSITION' || err.code === 'UPLOAD_REQUIRED') && noSelfie()) {
        throw new HumanError(SELFIE_REQUIRED);
      }
      throw err;
    }
  }

  return (
    <Screen state={state} title={title}>
      {flagged.length > 0 && (
        <div className="notice" role="note">
          {flagged.map((d) => (
            <p key={d.id}>
              <strong>
                {offerBack ? t(d.side === 'BACK' ? 'photo.reviewerAskedSide_BACK' : 'photo.reviewerAskedSide_FRONT') : t('photo.reviewerAsked')}
              </strong>{' '}
              {(() => {
                const why = applicantReason(d.reasonCode, d.reason);
                const text = [why.preset, why.own].filter(Boolean).join(' ');
                return text ? t('photo.reason', { reason: text }) : '';
              })()}
            </p>
          ))}
        </div>
      )}
      {children}

      <AcceptedChecks.Provider value={checksState}>
        {offerBack ? (
          <div className="sides">
            <PhotoSide type={type} side={side} doc={front} facingMode={facingMode} headed />
            <BackSide type={type} doc={back} facingMode={facingMode} />
          </div>
        ) : (
          <PhotoSide type={type} side={side} doc={front} facingMode={facingMode} />
        )}
      </AcceptedChecks.Provider>

      <Actions>
        <ContinueButton onClick={next} />
      </Actions>
    </Screen>
  );
}

/** AcceptedChecks carries the step's "Use this photo anyway" choices down to each side. */
const AcceptedChecks = createContext<{ accepted: ReadonlySet<string>; accept(id: string): void; track(p: Promise<unknown>): void }>({
  accepted: new Set(),
  accept: () => undefined,
  track: () => undefined,
});

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
  const { t } = useTranslation();
  return headed ? (
    <div className="capture">{children}</div>
  ) : (
    <section className="capture" aria-label={t('photo.addPhoto')}>
      {children}
    </section>
  );
}


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
  const { t } = useTranslation();
  const noun = t(`photo.noun.${type ?? 'none'}`);
  const { accepted, accept, track } = useContext(AcceptedChecks);
  const fileInput = useRef<HTMLInputElement>(null);
  // local: what the browser found before uploading (a photo the server would refuse or fail).
  const [local, setLocal] = useState<LocalCheck[] | null>(null);

  function send(file: File) {
    if (!type) return;
    setLocal(null);
    track(run(async () => {
      // Measured in the browser first: told at once, and a photo over the limits is scaled down.
      const prepared = await preparePhoto(file, client.limits, type !== 'SELFIE');
      if (prepared.checks.length > 0) {
        setLocal(prepared.checks);
        return undefined;
      }
      return client.upload(type, side, prepared.file);
    }));
  }

  let tag: { text: string; tone: string } | null = null;
  if (headed) {
    if (flagged) tag = { text: t('photo.tagNew'), tone: 'bad' };
    else if (kept && doc) tag = { text: t('photo.tagKept'), tone: 'good' };
    else if (doc) tag = { text: t('photo.tagAdded'), tone: 'good' };
    else tag = isBack ? { text: t('photo.tagOptional'), tone: 'muted' } : { text: t('photo.tagRequired'), tone: 'muted' };
  }

  const body = (
    <>
      {doc && (
        <figure className={flagged ? 'photo photo-flagged' : 'photo'}>
          <DocImage
            src={doc.url}
            alt={
              flagged
                ? t(isBack ? 'photo.altFlaggedBack' : 'photo.altFlagged', { noun })
                : t(isBack ? 'photo.altCurrentBack' : 'photo.altCurrent', { noun })
            }
          />
          <figcaption>
            {flagged
              ? t('photo.captionFlagged')
              : kept
                ? t('photo.captionKept')
                : upload?.status === 'done'
                  ? t('photo.captionUploaded')
                  : t('photo.captionHave')}
          </figcaption>
        </figure>
      )}

      {!kept && (local || doc) && (
        <PhotoChecks
          checks={local ?? doc?.checks}
          isSelfie={type === 'SELFIE'}
          accepted={!local && !!doc && accepted.has(doc.id)}
          onAccept={() => doc && accept(doc.id)}
          onRetake={() => fileInput.current?.click()}
        />
      )}

      {!kept && (
        <Capture headed={headed}>
          {hasCamera() && (
            <Camera
              facingMode={facingMode}
              disabled={anyUploading}
              openLabel={isBack ? t('photo.photographBack') : undefined}
              onCapture={send}
              onError={(key) => showError({ error: new HumanError(key) })}
            />
          )}
          <div className="file-field">
            <input
              ref={fileInput}
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
              {isBack ? t('photo.uploadBack') : t('photo.upload')}
            </label>
            <p className="hint">{t('photo.fileHint')}</p>
          </div>
        </Capture>
      )}

      {upload && upload.status !== 'error' && (
        <div className="progress">
          <label htmlFor={`${inputId}-progress`}>{uploading ? t('photo.uploading') : t('photo.uploaded')}</label>
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
        <h2 id={headingId}>{side === 'BACK' ? t('photo.back') : t('photo.front')}</h2>
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
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const kept = isKept(snap.case, type, doc);
  if (doc || open) {
    return (
      <div ref={panel} className="side-wrap">
        <PhotoSide type={type} side="BACK" doc={doc} facingMode={facingMode} headed>
          {!doc && <p className="side-help">{t('photo.backHelp')}</p>}
        </PhotoSide>
      </div>
    );
  }
  if (kept) return null; // a resubmission that did not ask for this document: nothing to add
  return (
    <section className="side side-closed" aria-labelledby={headingId} data-side="BACK">
      <div className="side-head">
        <h2 id={headingId}>{t('photo.back')}</h2>
        <span className="tag tag-muted">{t('photo.tagOptional')}</span>
      </div>
      <p className="side-help">{t('photo.backHelpOptional')}</p>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          setOpen(true);
          // The button goes away: keep keyboard focus in the panel that replaces it.
          requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('button, input')?.focus());
        }}
      >
        {t('photo.addBack')}
      </button>
    </section>
  );
}
