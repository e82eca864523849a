import { isDefiniteRefusal, KycError, toKycError } from './errors';
import type {
  ApplicantDetailsInput,
  CaseFieldsFragment,
  CaseStatus,
  DocumentSide,
  DocumentType,
  StartCaseInput,
} from './gql/graphql';
import { buildChart, type Chart, type StepEvent, type Workflow } from './machine';
import {
  CaseUpdatedSubscription,
  EraseMyCaseMutation,
  UpdateMyDetailsMutation,
  MyCaseQuery,
  SendCaseEventMutation,
  StartCaseMutation,
  UploadDocumentMutation,
  WorkflowQuery,
} from './operations';
import { createHttpTransport, type ConnectionState, type LiveTransport, type Transport } from './transport';

/** Case is the applicant's view of the case (the API's `Case`), exactly as the server last answered. */
export type Case = CaseFieldsFragment;
/** KycDocument is the current revision of one uploaded document. */
export type KycDocument = Case['documents'][number];

/** TokenStorage is the part of the Web Storage API the SDK uses to keep the case token. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** TOKEN_KEY is where the case token is kept in storage. */
export const TOKEN_KEY = 'kyc.token';
/** MAX_UPLOAD_BYTES is the server's default upload limit (10 MiB): FALLBACK_LIMITS.maxUploadBytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** UPLOAD_TYPES are the content types the server accepts by default (it sniffs the bytes; this is only a hint). */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** UploadLimits are the bounds the server puts on an upload, as its `limits` query serves them. */
export interface UploadLimits {
  /** maxUploadBytes: a larger file is PAYLOAD_TOO_LARGE. */
  maxUploadBytes: number;
  /** maxPixels (width × height): a larger image is PAYLOAD_TOO_LARGE. */
  maxPixels: number;
  /** acceptedTypes: the content types accepted (sniffed from the bytes on the server). */
  acceptedTypes: readonly string[];
}

/**
 * FALLBACK_LIMITS are the server's defaults, used only while its own limits are unknown (the
 * workflow, which brings them, could not be fetched: offline). Once fetched, the served ones apply.
 */
export const FALLBACK_LIMITS: UploadLimits = Object.freeze({
  maxUploadBytes: MAX_UPLOAD_BYTES,
  maxPixels: 25_000_000,
  acceptedTypes: UPLOAD_TYPES,
});
/** LINK_REFRESH_EARLY_MS: the case is re-read this long before its first document link expires. */
export const LINK_REFRESH_EARLY_MS = 60_000;
/** setTimeout overflows past this (about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

/** linkExpiry reads when a signed document link (`/documents/<id>?exp=<unix s>&sig=…`) expires, in ms. */
export function linkExpiry(url: string): number | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  const exp = Number(new URLSearchParams(url.slice(q + 1)).get('exp'));
  return Number.isFinite(exp) && exp > 0 ? exp * 1000 : null;
}

/** UploadState describes the latest upload, for a progress bar. */
export interface UploadState {
  type: DocumentType;
  side: DocumentSide | null;
  /** progress from 0 to 1. */
  progress: number;
  status: 'uploading' | 'done' | 'error';
  error?: KycError;
}

/** KycSnapshot is the SDK's whole observable state; a new object on every change. */
export interface KycSnapshot {
  workflow: Workflow | null;
  case: Case | null;
  /** state is the server's collection state (Case.state), null before start/resume. */
  state: string | null;
  status: CaseStatus | null;
  availableEvents: readonly string[];
  token: string | null;
  resumeUrl: string | null;
  /** pending is the request in flight that changes the case, if any. */
  pending: 'start' | 'resume' | 'next' | 'back' | 'refresh' | 'details' | null;
  upload: UploadState | null;
  connection: ConnectionState;
  /**
   * liveTransport is how the case's updates arrive: 'websocket' or 'sse' ("Live updates"), or
   * 'polling' when neither connects ("Checking every {pollSeconds} s"); null before the first.
   */
  liveTransport: LiveTransport | null;
  /** pollSeconds is the polling interval while liveTransport is 'polling', else null. */
  pollSeconds: number | null;
}

/** KycClientOptions configures createKycClient. */
export interface KycClientOptions {
  /** url of the GraphQL endpoint. Default "/graphql" (same origin). */
  url?: string;
  /** wsUrl of the subscription endpoint. Default: url with ws(s):. */
  wsUrl?: string;
  /** storage for the case token; default localStorage when present. Pass null to keep it in memory only. */
  storage?: TokenStorage | null;
  /** resumeUrlFor builds the resume link of a resumed case (startCase's own resumeUrl is used when known). */
  resumeUrlFor?: (token: string) => string;
  /** transport replaces HTTP/WebSocket, e.g. with a fake in tests. */
  transport?: Transport;
  /** webSocketImpl for runtimes without a global WebSocket. */
  webSocketImpl?: unknown;
}

/** ApplicantDetails are the details the welcome step asks for (updateDetails). */
export type ApplicantDetails = Omit<ApplicantDetailsInput, 'caseId' | 'expectedVersion'>;

/** NextPayload carries what a forward move needs, e.g. the chosen document type. */
export interface NextPayload {
  documentType?: DocumentType;
}

/** KycClient is the headless SDK: the statechart from the server, the case, and the calls that move it. */
export interface KycClient {
  readonly snapshot: KycSnapshot;
  readonly state: string | null;
  readonly case: Case | null;
  readonly availableEvents: readonly string[];
  readonly resumeUrl: string | null;
  readonly chart: Chart | null;
  /** limits are the server's upload limits, fetched once with the workflow; FALLBACK_LIMITS until then. */
  readonly limits: UploadLimits;
  /** supportContact is where the applicant gets help (the server's SUPPORT_CONTACT: an email, URL or phone number), fetched with the workflow; null when unknown or not configured. */
  readonly supportContact: string | null;
  /** loadWorkflow fetches the statechart (and the upload limits) once and builds the client machine from it. */
  loadWorkflow(): Promise<Chart>;
  /** start opens a new case and keeps its token. */
  start(applicant?: StartCaseInput): Promise<Case>;
  /**
   * updateDetails sets the applicant's details (first and last name and date of birth, YYYY-MM-DD,
   * required; email optional) until the case is first submitted (then INVALID_TRANSITION); a
   * detail that breaks the server's rules is BAD_USER_INPUT.
   */
  updateDetails(details: ApplicantDetails): Promise<Case>;
  /** resume loads the case of a token (from a resume link or storage) where the server left it. */
  resume(token: string): Promise<Case>;
  /** restore resumes from the stored token; null when there is none (or it is no longer valid). */
  restore(): Promise<Case | null>;
  /** refresh re-reads the case from the server (myCase). */
  refresh(): Promise<Case>;
  /** can tells whether the chart and the server both allow `event` now. */
  can(event: StepEvent): boolean;
  next(payload?: NextPayload): Promise<Case>;
  back(): Promise<Case>;
  upload(type: DocumentType, side: DocumentSide | null, file: Blob, onProgress?: (fraction: number) => void): Promise<KycDocument>;
  /**
   * canErase tells whether the applicant may still delete their data: only while the case is
   * being collected (IN_PROGRESS, RESUBMISSION_REQUESTED); after submission the server refuses.
   */
  readonly canErase: boolean;
  /**
   * eraseMyCase withdraws the case and erases the applicant's details and photos on the server
   * (eraseMyCase), then forgets the token, which the server has revoked. It cannot be undone.
   * Refused (INVALID_TRANSITION) once the case was submitted; on any failure the token is kept.
   */
  eraseMyCase(): Promise<void>;
  /** forget drops the token (storage included) and the case: "start over". */
  forget(): void;
  subscribe(listener: (snapshot: KycSnapshot) => void): () => void;
  dispose(): void;
}

/** isFront: identity documents uploaded without a side are fronts (the server stores them as FRONT). */
function isFront(d: KycDocument): boolean {
  return d.side !== 'BACK';
}

/** currentDocument is the current revision of (type, side), if any; side FRONT also finds a document without a side. */
export function currentDocument(
  c: Case | null,
  type: DocumentType | null | undefined,
  side: DocumentSide | null = 'FRONT',
): KycDocument | undefined {
  if (!c || !type) return undefined;
  return c.documents.find((d) => d.type === type && (side === 'BACK' ? d.side === 'BACK' : isFront(d)));
}

/** isRefused: a reviewer flagged this revision (resubmission requested or rejected); it must be re-taken. */
export function isRefused(d: KycDocument | undefined): boolean {
  return d?.status === 'RESUBMISSION_REQUESTED' || d?.status === 'REJECTED';
}

/** usablePhoto is the current, not-flagged photo of that type (the front of an identity document), if any. */
export function usablePhoto(c: Case | null, type: DocumentType | null | undefined): KycDocument | undefined {
  const d = currentDocument(c, type, 'FRONT');
  return d && !isRefused(d) ? d : undefined;
}

/**
 * refusedBack is the back side of that type when a reviewer flagged it. The back is optional, but
 * a flagged one must be re-taken before the step can be left (the server's guard says the same).
 */
export function refusedBack(c: Case | null, type: DocumentType | null | undefined): KycDocument | undefined {
  const d = currentDocument(c, type, 'BACK');
  return isRefused(d) ? d : undefined;
}

/**
 * failedPhoto is the current photo of that type (either side) whose automatic checks FAIL, if any:
 * its step cannot be left until it is retaken (the server's guard, PHOTO_CHECK_FAILED).
 */
export function failedPhoto(c: Case | null, type: DocumentType | null | undefined): KycDocument | undefined {
  if (!c || !type) return undefined;
  return c.documents.find((d) => d.type === type && !isRefused(d) && d.checks.some((k) => k.outcome === 'FAIL'));
}

/** photoTypeFor says which document a photo state collects: the selected identity document, or the selfie. */
export function photoTypeFor(c: Case | null, state: string | null): DocumentType | null {
  if (state === 'selfie') return 'SELFIE';
  if (state === 'document_photo') return c?.selectedDocumentType ?? null;
  return null;
}

function defaultStorage(): TokenStorage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null; // storage disabled (privacy mode): keep the token in memory
  }
}

function defaultResumeUrl(token: string): string {
  const base = typeof location !== 'undefined' ? `${location.origin}${location.pathname}` : '';
  return `${base}#resume=${encodeURIComponent(token)}`;
}

/** createKycClient makes a KycClient. Nothing is fetched until a method is called. */
export function createKycClient(options: KycClientOptions = {}): KycClient {
  const transport =
    options.transport ?? createHttpTransport({ url: options.url, wsUrl: options.wsUrl, webSocketImpl: options.webSocketImpl });
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const resumeUrlFor = options.resumeUrlFor ?? defaultResumeUrl;

  let snap: KycSnapshot = {
    workflow: null,
    case: null,
    state: null,
    status: null,
    availableEvents: [],
    token: null,
    resumeUrl: null,
    pending: null,
    upload: null,
    connection: 'idle',
    liveTransport: null,
    pollSeconds: null,
  };
  let chart: Chart | null = null;
  let limits: UploadLimits | null = null;
  let supportContact: string | null = null;
  let workflowPromise: Promise<Chart> | null = null;
  let inFlight: Promise<Case> | null = null;
  let uploadInFlight: Promise<unknown> | null = null;
  let stopSubscription: (() => void) | null = null;
  let subscribedTo: string | null = null;
  let linkTimer: ReturnType<typeof setTimeout> | null = null;
  let linksRefreshedFor: number | null = null;
  const listeners = new Set<(s: KycSnapshot) => void>();

  function set(patch: Partial<KycSnapshot>) {
    snap = { ...snap, ...patch };
    for (const l of listeners) l(snap);
  }

  /** applyCase takes the server's answer; an older version (e.g. a late subscription event) never wins. */
  function applyCase(c: Case, force = false): Case {
    const cur = snap.case;
    if (!force && cur && cur.id === c.id && c.version < cur.version) return cur;
    // A finished upload belongs to the step it was made in.
    const upload = snap.upload && snap.upload.status !== 'uploading' && c.state !== snap.state ? null : snap.upload;
    set({ case: c, state: c.state, status: c.status, availableEvents: c.availableEvents, upload });
    ensureSubscription();
    scheduleLinkRefresh();
    return c;
  }

  /**
   * scheduleLinkRefresh re-reads the case shortly before its first document link expires
   * (links are short-lived bearer links), so that photos on screen and links not shown yet keep
   * working. Each expiry is refreshed once: a server that answers with the same links is not
   * asked again in a loop.
   */
  function scheduleLinkRefresh() {
    if (linkTimer) clearTimeout(linkTimer);
    linkTimer = null;
    const c = snap.case;
    if (!c || !snap.token) return;
    const expiries = c.documents.map((d) => linkExpiry(d.url)).filter((e): e is number => e !== null);
    if (!expiries.length) return;
    const earliest = Math.min(...expiries);
    if (earliest === linksRefreshedFor) return;
    const fire = () => {
      const wait = earliest - LINK_REFRESH_EARLY_MS - Date.now();
      if (wait > 0) {
        linkTimer = setTimeout(fire, Math.min(wait, MAX_DELAY)); // a long wait is taken in steps
        return;
      }
      linkTimer = null;
      linksRefreshedFor = earliest;
      refresh().catch(() => undefined);
    };
    fire();
  }

  function stopLinkRefresh() {
    if (linkTimer) clearTimeout(linkTimer);
    linkTimer = null;
  }

  function ensureSubscription() {
    const c = snap.case;
    if (!c || subscribedTo === `${c.id}:${snap.token}`) return;
    stopSubscription?.();
    subscribedTo = `${c.id}:${snap.token}`;
    set({ connection: 'connecting' });
    stopSubscription = transport.subscribe(CaseUpdatedSubscription, { caseId: c.id }, snap.token, {
      next: (data) => {
        applyCase(data.caseUpdated);
      },
      error: () => {
        // The subscription ended (e.g. the token was revoked). Drop it; the next change re-opens it.
        subscribedTo = null;
        stopSubscription = null;
        set({ connection: 'idle' });
      },
      reconnected: () => {
        // Anything could have happened while we were away: ask again.
        refresh().catch(() => undefined);
      },
      connection: (connection) => set({ connection }),
      transport: (liveTransport, everySeconds) => set({ liveTransport, pollSeconds: everySeconds }),
      // Neither WebSocket nor SSE connects: read the case now and then (the channel backs off).
      poll: () => {
        if (!snap.pending) refresh().catch(() => undefined);
      },
    });
  }

  function setToken(token: string | null, resumeUrl: string | null) {
    try {
      if (token) storage?.setItem(TOKEN_KEY, token);
      else storage?.removeItem(TOKEN_KEY);
    } catch {
      // storage full or disabled: the session still works, only a reload will not resume.
    }
    set({ token, resumeUrl });
  }

  function requireCase(): Case {
    if (!snap.case) throw new KycError('NO_CASE', 'Start or resume a case first.');
    return snap.case;
  }

  /** serial runs one case-changing request at a time; a second click while one is in flight joins it. */
  function serial(kind: NonNullable<KycSnapshot['pending']>, run: () => Promise<Case>): Promise<Case> {
    if (inFlight) return inFlight;
    set({ pending: kind });
    const p = run().finally(() => {
      inFlight = null;
      set({ pending: null });
    });
    inFlight = p;
    return p;
  }

  function loadWorkflow(): Promise<Chart> {
    if (chart) return Promise.resolve(chart);
    workflowPromise ??= transport
      .request(WorkflowQuery, {}, null)
      .then((data) => {
        chart = buildChart(data.workflow);
        limits = data.limits;
        supportContact = data.settings.supportContact ?? null;
        set({ workflow: data.workflow });
        return chart;
      })
      .catch((err: unknown) => {
        workflowPromise = null;
        throw toKycError(err);
      });
    return workflowPromise;
  }

  async function fetchMyCase(token: string): Promise<Case> {
    const data = await transport.request(MyCaseQuery, {}, token);
    // The server answered, and its answer is "no case": as definite as NOT_FOUND.
    if (!data.myCase) throw new KycError('NOT_FOUND', 'This link no longer opens a case.', { answered: true });
    return data.myCase;
  }

  function refresh(): Promise<Case> {
    const token = snap.token;
    if (!token) return Promise.reject(new KycError('NO_CASE', 'Start or resume a case first.'));
    return fetchMyCase(token).then((c) => applyCase(c));
  }

  async function step(event: StepEvent, payload: NextPayload = {}): Promise<Case> {
    const c = requireCase();
    const ch = await loadWorkflow();
    if (ch.target(c.state, event) === undefined) {
      throw new KycError('INVALID_TRANSITION', `The statechart has no ${event} from ${c.state}.`);
    }
    if (event === 'USER_NEXT_STEP') {
      // Leaving a step forward while its photo is still uploading waits for it, and fails with it.
      if (uploadInFlight) await uploadInFlight;
      const info = ch.info(c.state);
      const latest = snap.case ?? c;
      const photoType = photoTypeFor(latest, latest.state) ?? latest.selectedDocumentType;
      if (info?.submit && !usablePhoto(latest, photoType)) {
        throw new KycError('UPLOAD_REQUIRED', 'Upload a photo of your document before you continue.');
      }
      if (info?.submit && refusedBack(latest, photoType)) {
        throw new KycError('UPLOAD_REQUIRED', 'Re-take the back of your document before you continue.');
      }
      // The server's guard: a photo step is not left while its current photo fails a check.
      const failing = failedPhoto(latest, photoTypeFor(latest, latest.state));
      if (failing) {
        throw new KycError('PHOTO_CHECK_FAILED', 'Your photo did not pass the checks. Please retake it before you continue.');
      }
    }
    const caseNow = snap.case ?? c;
    try {
      const data = await transport.request(
        SendCaseEventMutation,
        { input: { caseId: caseNow.id, event, documentType: payload.documentType ?? null } },
        snap.token,
      );
      return applyCase(data.sendCaseEvent);
    } catch (err) {
      const e = toKycError(err);
      // Refused: the client stays where the server says it is, so ask the server.
      if (e.code !== 'NETWORK' && snap.token) {
        await fetchMyCase(snap.token)
          .then((fresh) => applyCase(fresh))
          .catch(() => undefined);
      }
      throw e;
    }
  }

  const client: KycClient = {
    get snapshot() {
      return snap;
    },
    get state() {
      return snap.state;
    },
    get case() {
      return snap.case;
    },
    get availableEvents() {
      return snap.availableEvents;
    },
    get resumeUrl() {
      return snap.resumeUrl;
    },
    get chart() {
      return chart;
    },
    get limits() {
      return limits ?? FALLBACK_LIMITS;
    },
    get supportContact() {
      return supportContact;
    },

    loadWorkflow,

    start(applicant) {
      return serial('start', async () => {
        const chartLoaded = loadWorkflow();
        chartLoaded.catch(() => undefined); // awaited below, after the token is safe
        const data = await transport.request(StartCaseMutation, { input: applicant ?? null }, null);
        const { token, resumeUrl, case: c } = data.startCase;
        // Keep the token before anything else can fail: it is shown only once.
        setToken(token, resumeUrl);
        applyCase(c, true);
        await chartLoaded;
        return snap.case ?? c;
      });
    },

    resume(token) {
      return serial('resume', async () => {
        try {
          const [, c] = await Promise.all([loadWorkflow(), fetchMyCase(token)]);
          setToken(token, resumeUrlFor(token));
          return applyCase(c, true);
        } catch (err) {
          const e = toKycError(err);
          // Only the server's definite "this token opens nothing" forgets it: an outage, a
          // timeout or a lost connection keeps it, or the applicant would lose their case.
          if (isDefiniteRefusal(e)) {
            try {
              if (storage?.getItem(TOKEN_KEY) === token) setToken(null, null);
            } catch {
              // storage disabled: nothing kept, nothing to forget
            }
          }
          throw e;
        }
      });
    },

    async restore() {
      let token: string | null = null;
      try {
        token = storage?.getItem(TOKEN_KEY) ?? null;
      } catch {
        token = null;
      }
      if (!token) return null;
      try {
        return await client.resume(token);
      } catch (err) {
        const e = toKycError(err);
        if (isDefiniteRefusal(e)) return null; // the token is gone: start afresh
        throw e; // could not check: the token stays, try again
      }
    },

    refresh() {
      return serial('refresh', refresh);
    },

    can(event) {
      const s = snap.state;
      return !!s && !!chart && chart.target(s, event) !== undefined && snap.availableEvents.includes(event);
    },

    next(payload) {
      return serial('next', () => step('USER_NEXT_STEP', payload));
    },

    back() {
      return serial('back', () => step('USER_PREV_STEP'));
    },

    upload(type, side, file, onProgress) {
      const c = requireCase();
      const { maxUploadBytes, acceptedTypes } = limits ?? FALLBACK_LIMITS;
      if (file.size > maxUploadBytes) {
        return Promise.reject(new KycError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxUploadBytes} bytes.`));
      }
      if (file.type && !acceptedTypes.includes(file.type)) {
        return Promise.reject(new KycError('UNSUPPORTED_MEDIA_TYPE', `Files of type ${file.type} are not accepted.`));
      }
      set({ upload: { type, side, progress: 0, status: 'uploading' } });
      const progress = (fraction: number) => {
        const p = Math.max(0, Math.min(1, fraction));
        if (snap.upload?.status === 'uploading') set({ upload: { ...snap.upload, progress: p } });
        onProgress?.(p);
      };
      const p = transport
        .upload(UploadDocumentMutation, { input: { caseId: c.id, type, side, file } }, snap.token, progress)
        .then(async (data) => {
          const doc: KycDocument = data.uploadDocument;
          // The upload changed the case (documents, version): read it back before anyone moves on.
          // If that read fails, keep the server's answer about the document itself.
          await refresh().catch(() => {
            const cur = snap.case;
            if (cur && !cur.documents.some((d) => d.id === doc.id)) {
              set({ case: { ...cur, documents: [...cur.documents.filter((d) => !(d.type === doc.type && d.side === doc.side)), doc] } });
            }
          });
          set({ upload: { type, side, progress: 1, status: 'done' } });
          return snap.case?.documents.find((d) => d.id === doc.id) ?? doc;
        })
        .catch((err: unknown) => {
          const e = toKycError(err);
          set({ upload: { type, side, progress: snap.upload?.progress ?? 0, status: 'error', error: e } });
          throw e;
        })
        .finally(() => {
          if (uploadInFlight === p) uploadInFlight = null;
        });
      uploadInFlight = p;
      return p;
    },

    updateDetails(details) {
      return serial('details', async () => {
        const c = requireCase();
        const data = await transport.request(UpdateMyDetailsMutation, { input: { ...details, caseId: c.id } }, snap.token);
        return applyCase(data.updateMyDetails);
      });
    },

    get canErase() {
      return !!snap.token && (snap.status === 'IN_PROGRESS' || snap.status === 'RESUBMISSION_REQUESTED');
    },

    async eraseMyCase() {
      const token = snap.token;
      if (!token || !snap.case) throw new KycError('NO_CASE', 'Start or resume a case first.');
      // An upload still running would race the erasure: let it end (either way) first.
      if (uploadInFlight) await uploadInFlight.catch(() => undefined);
      try {
        await transport.request(EraseMyCaseMutation, {}, token);
      } catch (err) {
        const e = toKycError(err);
        // Refused (e.g. submitted meanwhile): show where the case really is.
        if (e.code === 'INVALID_TRANSITION') await refresh().catch(() => undefined);
        throw e;
      }
      client.forget();
    },

    forget() {
      stopLinkRefresh();
      stopSubscription?.();
      stopSubscription = null;
      subscribedTo = null;
      setToken(null, null);
      set({ case: null, state: null, status: null, availableEvents: [], upload: null, connection: 'idle', liveTransport: null, pollSeconds: null });
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    dispose() {
      stopLinkRefresh();
      stopSubscription?.();
      stopSubscription = null;
      subscribedTo = null;
      listeners.clear();
      transport.dispose?.();
    },
  };
  return client;
}
