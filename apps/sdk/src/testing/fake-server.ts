// A fake KYC server behind the SDK's Transport interface, for unit and component tests.
// It follows the rules of API.md ("Rules the server enforces") closely enough to drive every
// screen, and lets a test act as the reviewer, drop the live connection, or refuse a request.
import { KycError, type KycErrorCode } from '../errors';
import type { CaseFieldsFragment, CaseStatus, DocumentSide, DocumentType, ReasonCode } from '../gql/graphql';
import type { UploadLimits } from '../client';
import type { Workflow } from '../machine';
import { servedChart } from './chart.gen';
import type { Document, SubscriptionSink, Transport } from '../transport';

type FakeCase = CaseFieldsFragment & { token: string; floor: number };
/** CheckResult is one automatic check of an uploaded photo, as the server answers it. */
export type CheckResult = CaseFieldsFragment['documents'][number]['checks'][number];

/**
 * kycWorkflow is the chart the real server serves: generated from workflow.Chart() into
 * chart.gen.ts by a Go test, which fails when the two differ (docs/architecture.md).
 */
export const kycWorkflow: Workflow = servedChart;

const order = kycWorkflow.states.map((s) => s.name);

/** FakeServerOptions tune the fake. */
export interface FakeServerOptions {
  workflow?: Workflow;
  /** limits the fake serves with the workflow; default: the real server's defaults. */
  limits?: UploadLimits;
  /** supportContact the fake serves in settings (default: none). */
  supportContact?: string | null;
  /** latency of each request in ms (0: next microtask). */
  latency?: number;
}

/** FakeServer holds cases in memory and records every call. */
/**
 * answer is a failure as the real transport reports it: a GraphQL error the server answered,
 * except NETWORK (no answer at all) and a bare HTTP 5xx (`HTTP_503`: a proxy, no GraphQL body).
 */
function answer(code: KycErrorCode | 'HTTP_503', message: string): KycError {
  if (code === 'HTTP_503') return new KycError('INTERNAL', message);
  return new KycError(code, message, { answered: code !== 'NETWORK' });
}

export class FakeServer {
  readonly workflow: Workflow;
  readonly limits: UploadLimits;
  readonly supportContact: string | null;
  readonly cases = new Map<string, FakeCase>();
  /** calls lists operation names in order, e.g. ["Workflow", "StartCase", "SendCaseEvent"]. */
  readonly calls: string[] = [];
  private failures: Array<{ op: string; code: KycErrorCode | 'HTTP_503'; message: string }> = [];
  private sinks = new Set<{ caseId: string; sink: SubscriptionSink<unknown> }>();
  private seq = 0;
  private latency: number;
  /** erased lists the ids of cases the applicant erased (eraseMyCase). */
  readonly erased: string[] = [];
  /** muted: while true, changes are not pushed (the connection is down). */
  muted = false;
  /** nextChecks are the automatic checks the next upload gets (then every check passes again). */
  nextChecks: CheckResult[] | null = null;

  constructor(options: FakeServerOptions = {}) {
    this.workflow = options.workflow ?? kycWorkflow;
    this.limits = options.limits ?? { maxUploadBytes: 10 * 1024 * 1024, maxPixels: 25_000_000, acceptedTypes: ['image/jpeg', 'image/png', 'image/webp'] };
    this.latency = options.latency ?? 0;
    this.supportContact = options.supportContact ?? null;
  }

  /** failNext makes the next call of `op` (an operation name) fail with `code`. */
  failNext(op: string, code: KycErrorCode | 'HTTP_503', message = `fake ${code}`) {
    this.failures.push({ op, code, message });
  }

  /** caseOf returns the stored case (test assertions), by id or the only one. */
  caseOf(id?: string): FakeCase {
    const c = id ? this.cases.get(id) : [...this.cases.values()].at(-1);
    if (!c) throw new Error('no such case');
    return c;
  }

  /** setState moves a case without telling anyone (e.g. a change missed while offline). */
  setState(id: string, patch: Partial<CaseFieldsFragment>) {
    const c = this.caseOf(id);
    Object.assign(c, patch, { version: c.version + 1 });
    c.availableEvents = this.available(c);
  }

  /** decide acts as the reviewer: approve, reject (reason) or request resubmission of documents. */
  decide(
    id: string,
    decision: 'APPROVE' | 'REJECT' | 'REQUEST_RESUBMISSION',
    opts: { reason?: string; reasonCode?: ReasonCode; flag?: Array<{ type: DocumentType; side?: DocumentSide; reason: string; reasonCode?: ReasonCode }> } = {},
  ) {
    const c = this.caseOf(id);
    if (c.status !== 'PENDING_REVIEW') throw new Error(`cannot decide a ${c.status} case`);
    const now = new Date().toISOString();
    if (decision === 'APPROVE') {
      c.status = 'APPROVED';
      c.documents = c.documents.map((d) => ({ ...d, status: 'APPROVED' }));
    } else if (decision === 'REJECT') {
      c.status = 'REJECTED';
      c.reason = opts.reason ?? 'Rejected';
      c.reasonCode = opts.reasonCode ?? null;
    } else {
      const flags = opts.flag ?? [];
      c.status = 'RESUBMISSION_REQUESTED';
      c.reason = opts.reason ?? null;
      c.documents = c.documents.map((d) => {
        // A flag without a side is the front (or the selfie).
        const f = flags.find((x) => x.type === d.type && (x.side === 'BACK') === (d.side === 'BACK'));
        return f ? { ...d, status: 'RESUBMISSION_REQUESTED', reason: f.reason, reasonCode: f.reasonCode ?? null } : d;
      });
      const identityFlagged = flags.some((f) => f.type !== 'SELFIE');
      c.state = identityFlagged ? 'document_photo' : 'selfie';
      c.resubmissionTypes = [...new Set(flags.map((f) => f.type))];
      c.floor = order.indexOf(c.state);
    }
    // As on the real server, a resubmission request is not a final decision.
    c.decidedAt = decision === 'REQUEST_RESUBMISSION' ? null : now;
    this.touch(c);
  }

  /** transport is the Transport the SDK talks to. */
  transport(): Transport {
    return {
      request: (doc, variables, token) => this.handle(doc, variables, token),
      upload: async (doc, variables, token, onProgress) => {
        onProgress?.(0);
        await this.wait();
        onProgress?.(0.5);
        const r = await this.handle(doc, variables, token);
        onProgress?.(1);
        return r;
      },
      subscribe: (doc, variables, token, sink) => {
        const caseId = (variables as { caseId: string }).caseId;
        const c = this.byToken(token);
        if (!c || c.id !== caseId) {
          queueMicrotask(() => sink.error(new KycError('FORBIDDEN', 'not your case')));
          return () => undefined;
        }
        const entry = { caseId, sink: sink as SubscriptionSink<unknown> };
        this.sinks.add(entry);
        void doc;
        queueMicrotask(() => sink.connection?.('connected'));
        return () => this.sinks.delete(entry);
      },
    };
  }

  /** dropConnection simulates the WebSocket dying; reconnect() brings it back (and tells the sinks). */
  dropConnection() {
    this.muted = true;
    for (const s of this.sinks) s.sink.connection?.('reconnecting');
  }

  reconnect() {
    this.muted = false;
    for (const s of this.sinks) {
      s.sink.connection?.('connected');
      s.sink.reconnected();
    }
  }

  get subscriberCount() {
    return this.sinks.size;
  }

  // --- internals ---

  private wait() {
    return this.latency ? new Promise((r) => setTimeout(r, this.latency)) : Promise.resolve();
  }

  private byToken(token: string | null) {
    return [...this.cases.values()].find((c) => c.token === token);
  }

  private available(c: FakeCase): string[] {
    if (c.status !== 'IN_PROGRESS' && c.status !== 'RESUBMISSION_REQUESTED') return [];
    const st = this.workflow.states.find((s) => s.name === c.state);
    return (st?.on ?? [])
      .filter((t) => !(t.event === 'USER_PREV_STEP' && order.indexOf(t.target) < c.floor))
      .map((t) => t.event);
  }

  private touch(c: FakeCase) {
    c.version += 1;
    c.updatedAt = new Date().toISOString();
    c.availableEvents = this.available(c);
    if (this.muted) return;
    const view = this.view(c);
    for (const s of this.sinks) if (s.caseId === c.id) queueMicrotask(() => s.sink.next({ caseUpdated: view }));
  }

  private view(c: FakeCase): CaseFieldsFragment {
    const { token, floor, ...rest } = c;
    return structuredClone(rest);
  }

  private fail(code: KycErrorCode, message: string): never {
    throw answer(code, message);
  }

  private async handle<TResult, TVariables>(doc: Document<TResult, TVariables>, variables: TVariables, token: string | null): Promise<TResult> {
    const op = /(?:query|mutation|subscription)\s+(\w+)/.exec(doc.toString())?.[1] ?? '?';
    this.calls.push(op);
    await this.wait();
    const failure = this.failures.findIndex((f) => f.op === op);
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      throw answer(f!.code, f!.message);
    }
    // Each case below reads the variables of its own operation.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const v = variables as Record<string, any>;
    const me = () => this.byToken(token) ?? this.fail('UNAUTHENTICATED', 'A case token is required.');
    switch (op) {
      case 'Workflow':
        return { workflow: structuredClone(this.workflow), limits: structuredClone(this.limits), settings: { supportContact: this.supportContact } } as TResult;
      case 'MyCase': {
        // As the real server: no token, no case (null); a token it does not know, UNAUTHENTICATED.
        if (!token) return { myCase: null } as TResult;
        const c = this.byToken(token) ?? this.fail('UNAUTHENTICATED', 'This link does not open a case.');
        return { myCase: this.view(c) } as TResult;
      }
      case 'StartCase': {
        const id = `case-${++this.seq}`;
        const now = new Date().toISOString();
        const c: FakeCase = {
          id,
          token: `token-${this.seq}`,
          floor: 0,
          state: this.workflow.initial,
          status: 'IN_PROGRESS',
          version: 1,
          availableEvents: [],
          selectedDocumentType: null,
          resubmissionTypes: [],
          reason: null,
          reasonCode: null,
          revision: 0,
          submittedAt: null,
          decidedAt: null,
          updatedAt: now,
          applicant: {
            firstName: v.input?.firstName ?? null,
            lastName: v.input?.lastName ?? null,
            dateOfBirth: v.input?.dateOfBirth ?? null,
            email: v.input?.email ?? null,
          },
          documents: [],
        };
        c.availableEvents = this.available(c);
        this.cases.set(id, c);
        return {
          startCase: { token: c.token, resumeUrl: `http://fake.test/kyc/#resume=${c.token}`, case: this.view(c) },
        } as TResult;
      }
      case 'SendCaseEvent': {
        const c = me();
        const { event, documentType, caseId } = v.input as { event: string; documentType?: DocumentType | null; caseId: string };
        if (caseId !== c.id) this.fail('FORBIDDEN', 'Not your case.');
        if (!c.availableEvents.includes(event)) this.fail('INVALID_TRANSITION', `${event} is not allowed in ${c.state}.`);
        const target = this.workflow.states.find((s) => s.name === c.state)?.on.find((t) => t.event === event)?.target;
        if (!target) this.fail('INVALID_TRANSITION', `${event} is not allowed in ${c.state}.`);
        if (event === 'USER_NEXT_STEP') {
          if (c.state === 'document_selection') {
            if (!documentType || documentType === 'SELFIE') this.fail('BAD_USER_INPUT', 'Choose a document type.');
            c.selectedDocumentType = documentType;
          }
          const refused = (d: { status: string }) => d.status === 'RESUBMISSION_REQUESTED' || d.status === 'REJECTED';
          const fresh = (type: DocumentType | null) => c.documents.some((d) => d.type === type && d.side !== 'BACK' && !refused(d));
          // The back is optional, but one a reviewer refused must be re-taken (as on the real server).
          const backRefused = c.documents.some((d) => d.type === c.selectedDocumentType && d.side === 'BACK' && refused(d));
          if (c.state === 'document_photo' && (!fresh(c.selectedDocumentType) || backRefused)) {
            this.fail('BAD_USER_INPUT', 'Upload the document photo first.');
          }
          if (c.state === 'selfie' && !fresh('SELFIE')) this.fail('BAD_USER_INPUT', 'Upload a selfie first.');
          // As the real server's guard: a photo step is not left while its current photo fails a check.
          const stepType = c.state === 'selfie' ? 'SELFIE' : c.state === 'document_photo' ? c.selectedDocumentType : null;
          if (c.documents.some((d) => d.type === stepType && !refused(d) && d.checks.some((k) => k.outcome === 'FAIL'))) {
            this.fail('PHOTO_CHECK_FAILED', 'Your photo did not pass the checks. Please retake it.');
          }
        }
        c.state = target;
        if (this.workflow.states.find((s) => s.name === target)?.final) {
          c.status = 'PENDING_REVIEW' as CaseStatus;
          c.submittedAt = new Date().toISOString();
          c.revision += 1;
          c.floor = 0;
        }
        this.touch(c);
        return { sendCaseEvent: this.view(c) } as TResult;
      }
      case 'UploadDocument': {
        const c = me();
        const { type, side, file } = v.input as { type: DocumentType; side: DocumentSide | null; file: Blob };
        const okState =
          (c.state === 'document_photo' && type === c.selectedDocumentType) || (c.state === 'selfie' && type === 'SELFIE');
        if (!okState || (c.status !== 'IN_PROGRESS' && c.status !== 'RESUBMISSION_REQUESTED')) {
          this.fail('INVALID_TRANSITION', `Uploads of ${type} are not accepted in ${c.state}.`);
        }
        if (file.size > 10 * 1024 * 1024) this.fail('PAYLOAD_TOO_LARGE', 'The file is too large.');
        // Identity documents without a side are fronts, as on the real server.
        const stored: DocumentSide | null = side ?? (type === 'SELFIE' ? null : 'FRONT');
        const sameSlot = (d: { type: DocumentType; side?: DocumentSide | null }) => d.type === type && (d.side ?? null) === stored;
        const prev = c.documents.find(sameSlot);
        const doc = {
          id: `doc-${++this.seq}`,
          type,
          side: stored,
          status: 'PENDING' as const,
          reason: null,
          reasonCode: null,
          revision: (prev?.revision ?? 0) + 1,
          url: `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=`,
          contentType: file.type || 'image/png',
          size: file.size,
          createdAt: new Date().toISOString(),
          checks: this.nextChecks ?? [{ name: 'RESOLUTION', outcome: 'PASS' as const, score: 1200, detail: null }],
        };
        this.nextChecks = null;
        c.documents = [...c.documents.filter((d) => !sameSlot(d)), doc].sort(
          (a, b) => Number(a.type === 'SELFIE') - Number(b.type === 'SELFIE'),
        );
        this.touch(c);
        return { uploadDocument: { ...doc } } as TResult;
      }
      case 'UpdateMyDetails': {
        // As the real server: the applicant's own case, until it is first submitted; required details.
        const c = me();
        const input = v.input as { caseId: string; firstName: string; lastName: string; dateOfBirth: string; email?: string | null };
        if (input.caseId !== c.id) this.fail('FORBIDDEN', 'Not your case.');
        if (c.status !== 'IN_PROGRESS') this.fail('INVALID_TRANSITION', 'Your details can be changed only until the verification is submitted.');
        for (const f of ['firstName', 'lastName', 'dateOfBirth'] as const) {
          if (!input[f]?.trim()) this.fail('BAD_USER_INPUT', `invalid input: ${f} is required`);
        }
        const email = input.email?.trim() || null;
        c.applicant = { firstName: input.firstName.trim(), lastName: input.lastName.trim(), dateOfBirth: input.dateOfBirth, email };
        this.touch(c);
        return { updateMyDetails: this.view(c) } as TResult;
      }
      case 'EraseMyCase': {
        // As the real server: only while collecting; then the case is erased and its token revoked.
        const c = me();
        if (c.status !== 'IN_PROGRESS' && c.status !== 'RESUBMISSION_REQUESTED') {
          this.fail('INVALID_TRANSITION', 'The case was submitted: ask support to delete your data.');
        }
        this.cases.delete(c.id);
        this.erased.push(c.id);
        for (const s of [...this.sinks]) {
          if (s.caseId !== c.id) continue;
          this.sinks.delete(s);
          queueMicrotask(() => s.sink.error(new KycError('UNAUTHENTICATED', 'revoked', { answered: true })));
        }
        return { eraseMyCase: true } as TResult;
      }
      default:
        throw new KycError('BAD_USER_INPUT', `fake server: unknown operation ${op}`);
    }
  }
}
