import { useCallback, useEffect, useRef, useState } from 'react';
import { isKycError } from '@kyc/sdk/errors';
import { Link, navigate } from '../../app/router';
import { useShortcut, useShortcuts } from '../../app/shortcuts';
import { ErasedBadge, StatusBadge } from '../../components/status-badge';
import type { CaseDetailFragment, Decision, DocumentFieldsFragment, GetCaseQuery as GetCaseQueryResult } from '../../gql/graphql';
import { useApi, useApiData, useApiQuery, useSubscription } from '../../lib/api-context';
import { errorMessage } from '../../lib/error-copy';
import { actorLabel, applicantName, CASE_STATUS_LABEL, caseStatusSentence, documentLabel, DOCUMENT_STATUS_PHRASE } from '../../lib/labels';
import { formatDateTime, timeAgo } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useMe } from '../auth/session';
import { lastListPath } from '../cases/case-list-page';
import { CaseUpdatedSubscription, GetCaseQuery, NextCaseQuery, ReviewPolicyQuery } from './api/case';
import {
  AddNoteMutation,
  AssignCaseMutation,
  ClearDocumentDecisionMutation,
  ConfirmDecisionMutation,
  DecideCaseMutation,
  DecideDocumentMutation,
  ReturnDecisionMutation,
  UnassignCaseMutation,
} from './api/decide';
import { AssignMenu, reviewerName, type Reviewer } from './assign-menu';
import { describeChanges, sentence } from './changes';
import { DecisionDialog, type DecisionInput, type DecisionRequest } from './decision-dialog';
import { DocumentPanel } from './document-panel';
import { EraseCaseMutation } from './api/erase';
import { EraseDialog } from './erase-dialog';
import { useFreshLinks } from './fresh-links';
import { Notes } from './notes';
import { inRequest, photos, ResubmissionRequest } from './resubmission-request';
import { ProposalPanel, ReturnedPanel, SecondReviewDialog } from './second-review';
import { Timeline } from './timeline';

type Banner =
  | { kind: 'conflict'; text: string }
  | { kind: 'updated'; text: string }
  | { kind: 'success'; text: string; next: boolean }
  | { kind: 'error'; text: string };

const DONE: Record<Decision, string> = {
  APPROVE: 'Case approved.',
  REJECT: 'Case rejected.',
  REQUEST_RESUBMISSION: 'Sent to the applicant: they are asked to re-take the flagged photos.',
};

/** The banners after a four-eyes proposal: nothing is decided yet. */
const PROPOSED: Partial<Record<Decision, string>> = {
  APPROVE: 'Approval proposed. It waits for a second reviewer to confirm or return it; the applicant still sees “in review”.',
  REJECT: 'Rejection proposed. It waits for a second reviewer to confirm or return it; the applicant still sees “in review”.',
};

const CONFIRMED: Record<Decision, string> = {
  APPROVE: 'Approval confirmed: the case is approved.',
  REJECT: 'Rejection confirmed: the case is rejected.',
  REQUEST_RESUBMISSION: 'Confirmed: resubmission requested.',
};

const slot = (d: { type: string; side?: string | null }) => `${d.type}/${d.side ?? ''}`;

/** caseOf is the case in a GetCase answer, if the node is one. */
const caseOf = (data: GetCaseQueryResult | undefined) =>
  data?.node?.__typename === 'Case' ? (data.node as CaseDetailFragment & { __typename: 'Case' }) : null;

export function CasePage({ id }: { id: string }) {
  const client = useApi();
  const me = useMe();
  const now = useNow();
  const { data, error, isFetching: loading, refetch } = useApiQuery(GetCaseQuery, { id });
  const cache = useApiData(GetCaseQuery, { id });
  const [dialog, setDialog] = useState<{ request: DecisionRequest; seen: CaseDetailFragment } | null>(null);
  const [second, setSecond] = useState<{ kind: 'confirm' | 'return'; seen: CaseDetailFragment } | null>(null);
  const [erasing, setErasing] = useState(false);
  // Which decisions need a second reviewer. Unknown (not loaded, or refused) reads as OFF: the
  // server decides anyway, and its answer (the case's status) is what the page shows.
  const { data: policyData } = useApiQuery(ReviewPolicyQuery, {});
  const fourEyes = policyData?.reviewPolicy.fourEyes ?? 'OFF';
  const proposes = (d: Decision) => (d === 'APPROVE' && fourEyes !== 'OFF') || (d === 'REJECT' && fourEyes === 'ALL');
  const [banner, setBanner] = useState<Banner | null>(null);
  const [busy, setBusy] = useState(false);
  const [nextBusy, setNextBusy] = useState(false);
  const { enabled: keys } = useShortcuts();
  const inFlight = useRef(0);
  const bannerRef = useRef<HTMLDivElement>(null);

  const c = caseOf(data);

  // (The page is keyed by the case id: another case starts with no banner and no dialog.)
  const show = useCallback((next: CaseDetailFragment) => cache.set({ node: { ...next, __typename: 'Case' } }), [cache]);

  /** reload fetches the case again and says what changed since `seen`, the case the reviewer acted on. */
  const reloadAfterConflict = useCallback(
    async (seen: CaseDetailFragment) => {
      try {
        const fresh = await client.execute(GetCaseQuery, { id });
        const after = fresh.node?.__typename === 'Case' ? (fresh.node as CaseDetailFragment) : null;
        if (after) show(after);
        const changes = after ? describeChanges(seen, after, me.id) : [];
        const what = changes.length ? `: ${changes.join('; ')}` : '';
        setBanner({ kind: 'conflict', text: `This case changed while you were looking at it${what}. Review it again.` });
      } catch (e) {
        setBanner({ kind: 'error', text: errorMessage(e) });
      }
    },
    [client, id, me.id, show],
  );

  /** act runs a mutation that answers with the case; CONFLICT and refusals reload and explain. */
  const act = useCallback(
    async (seen: CaseDetailFragment, run: () => Promise<CaseDetailFragment>, done: Banner | null) => {
      inFlight.current++;
      setBusy(true);
      try {
        show(await run());
        setBanner(done);
        setDialog(null);
        setSecond(null);
      } catch (e) {
        if (isKycError(e, 'CONFLICT')) {
          setDialog(null);
          setSecond(null);
          await reloadAfterConflict(seen);
        } else if (isKycError(e, 'INVALID_TRANSITION') || isKycError(e, 'FORBIDDEN') || isKycError(e, 'NOT_FOUND')) {
          void refetch();
          throw e;
        } else {
          throw e;
        }
      } finally {
        inFlight.current--;
        setBusy(false);
      }
    },
    [reloadAfterConflict, refetch, show],
  );

  const title = c ? `${applicantName(c.applicant, c.erasedAt)} · ${CASE_STATUS_LABEL[c.status]} · KYC Review` : 'Case · KYC Review';
  useEffect(() => {
    document.title = title;
  }, [title]);

  // Focus the outcome so keyboard and screen-reader users hear it and can reach "Next case".
  useEffect(() => {
    if (banner && banner.kind !== 'updated' && !dialog && !second && !erasing) bannerRef.current?.focus();
  }, [banner, dialog, second, erasing]);

  // Live: another reviewer's change shows at once, and says what changed.
  useSubscription(
    CaseUpdatedSubscription,
    { caseId: id },
    ({ caseUpdated }) => {
      const before = caseOf(cache.get());
      if (before && caseUpdated.version <= before.version) return;
      show(caseUpdated);
      if (!before || inFlight.current > 0) return;
      const changes = describeChanges(before, caseUpdated, me.id);
      const important = before.status !== caseUpdated.status ||
        (before.assignee?.id ?? null) !== (caseUpdated.assignee?.id ?? null) ||
        caseUpdated.documents.some((d) => {
          const old = before.documents.find((o) => slot(o) === slot(d));
          return !old || old.revision !== d.revision || old.status !== d.status;
        });
      if (important) {
        setBanner({ kind: 'conflict', text: `This case changed while you were looking at it: ${changes.join('; ')}. Review it again.` });
      } else if (changes.length) {
        setBanner({ kind: 'updated', text: `Updated: ${sentence(changes)}` });
      }
    },
  );

  // Document links are signed and expire (12 h). A refetch gives fresh ones without touching
  // the reviewer's state: dialogs, typed text and each viewer's zoom live outside the query data,
  // and the panels keep their keys (document ids). Images that fail together share one refetch.
  const linkRefresh = useRef<Promise<void> | null>(null);
  const refreshLinks = useCallback(() => {
    linkRefresh.current ??= refetch()
      .then(() => undefined)
      .finally(() => {
        linkRefresh.current = null;
      });
    return linkRefresh.current;
  }, [refetch]);
  useFreshLinks(c ? [...c.documents, ...c.documentHistory].map((d) => d.url) : [], refreshLinks);

  const mine = c?.assignee?.id === me.id;
  const othersCase = !!c?.assignee && !mine;
  const pending = c?.status === 'PENDING_REVIEW';
  // An erased case can no longer change (the server answers INVALID_TRANSITION): no actions.
  const erased = !!c?.erasedAt;
  const canDecide = !!c && pending && !othersCase && !erased;
  const allowed = (d: Decision) => canDecide && !!c?.availableDecisions.includes(d);

  const openCase = (decision: Decision) => {
    if (c && allowed(decision)) setDialog({ request: { kind: 'case', decision }, seen: c });
  };

  const goNext = async () => {
    setNextBusy(true);
    try {
      const { cases } = await client.execute(NextCaseQuery, {});
      const next = cases.edges.map((e) => e.node).find((n) => n.id !== id && (!n.assignee || n.assignee.id === me.id));
      if (next) navigate(`cases/${encodeURIComponent(next.id)}`);
      else setBanner({ kind: 'updated', text: 'No other case is waiting for review.' });
    } catch (e) {
      setBanner({ kind: 'error', text: errorMessage(e) });
    } finally {
      setNextBusy(false);
    }
  };

  useShortcut('a', () => openCase('APPROVE'), !!c);
  useShortcut('r', () => openCase('REQUEST_RESUBMISSION'), !!c);
  useShortcut('x', () => openCase('REJECT'), !!c);
  useShortcut('n', () => void goNext());

  const back = (
    <Link to={lastListPath()} className="back-link">
      <span aria-hidden="true">←</span> All cases
    </Link>
  );

  if (!c) {
    const missing = (data && !c) || isKycError(error, 'NOT_FOUND');
    return (
      <main id="main" tabIndex={-1} className="page">
        {back}
        {missing ? (
          <>
            <h1>Case not found</h1>
            <p>This case does not exist, or you cannot see it.</p>
          </>
        ) : error ? (
          <>
            <h1>Case</h1>
            <div className="alert alert-error" role="alert">
              <p>The case could not be loaded. {errorMessage(error)}</p>
              <button type="button" className="button" onClick={() => void refetch()}>
                Try again
              </button>
            </div>
          </>
        ) : (
          <>
            <h1 className="visually-hidden">Case</h1>
            <p className="loading" role="status">
              {loading ? 'Loading case…' : ''}
            </p>
          </>
        )}
      </main>
    );
  }

  const name = applicantName(c.applicant, c.erasedAt);
  const erasure = [...c.events].reverse().find((e) => e.type === 'APPLICANT_ERASED');
  const erasureReason = (() => {
    try {
      const r = erasure?.data ? (JSON.parse(erasure.data) as { reason?: unknown }).reason : null;
      return typeof r === 'string' ? r : null;
    } catch {
      return null;
    }
  })();
  const history = (d: DocumentFieldsFragment) => c.documentHistory.filter((h) => slot(h) === slot(d));
  // The front above its back, whichever was uploaded first.
  const identity = c.documents.filter((d) => d.type !== 'SELFIE').sort((a, b) => Number(a.side === 'BACK') - Number(b.side === 'BACK'));
  const selfies = c.documents.filter((d) => d.type === 'SELFIE');
  const blocking = c.documents.filter((d) => d.status === 'REJECTED' || d.status === 'RESUBMISSION_REQUESTED');

  let why: string | null = null;
  if (c.status === 'AWAITING_SECOND_REVIEW') {
    why = 'A decision was proposed and waits for a second reviewer (above). Other decisions are possible once it is returned.';
  } else if (!pending) {
    why = c.decidedAt && (c.status === 'APPROVED' || c.status === 'REJECTED')
      ? `This case was ${CASE_STATUS_LABEL[c.status].toLowerCase()} on ${formatDateTime(c.decidedAt)}. Decisions are possible only while a case is pending review.`
      : `${caseStatusSentence(c.status)} Decisions are possible only while a case is pending review.`;
  } else if (othersCase) {
    why = `Assigned to ${c.assignee!.name || c.assignee!.email}. Only the assignee decides: assign it to yourself to take over.`;
  }
  const approveWhy =
    pending && !othersCase && !c.availableDecisions.includes('APPROVE') && blocking.length
      ? `Approve is unavailable while ${blocking.map((d) => `the ${documentLabel(d)} ${DOCUMENT_STATUS_PHRASE[d.status]}`).join(' and ')}. Send the resubmission request, unflag the photo, or reject the case.`
      : null;

  const decideDocument = (doc: DocumentFieldsFragment, decision: Decision, input: DecisionInput, seen: CaseDetailFragment) =>
    act(
      seen,
      async () =>
        (await client.execute(DecideDocumentMutation, {
          input: {
            documentId: doc.id,
            decision,
            reason: input.reason ?? null,
            ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
            expectedVersion: seen.version,
          },
        })).decideDocument,
      {
        kind: 'updated',
        text:
          decision === 'APPROVE'
            ? `${documentLabel(doc)}: approved.`
            : `${documentLabel(doc)}: ${decision === 'REJECT' ? 'rejected' : 'flagged for resubmission'}. It is added to the resubmission request, which is not sent yet.`,
      },
    ).then(() => saveNote(input.note));

  /** saveNote records the team-only remark of a decision (never shown to the applicant). */
  const saveNote = async (note?: string) => {
    if (!note?.trim()) return;
    try {
      await client.execute(AddNoteMutation, { input: { caseId: id, body: note.trim() } });
      void refetch();
    } catch (e) {
      setBanner({ kind: 'error', text: `The decision was saved, but the note was not: ${errorMessage(e)}` });
    }
  };

  const flagged = pending ? c.documents.filter(inRequest) : [];
  const sendRequest = (seen: CaseDetailFragment) =>
    act(
      seen,
      async () =>
        (await client.execute(DecideCaseMutation, {
          input: {
            caseId: seen.id,
            decision: 'REQUEST_RESUBMISSION',
            // Flagged photos are already part of the request; rejected ones must be named again.
            documents: seen.documents
              .filter((d) => d.status === 'REJECTED')
              .map((d) => ({ documentId: d.id, reason: d.reason ?? '', ...(d.reasonCode ? { reasonCode: d.reasonCode } : {}) })),
            expectedVersion: seen.version,
          },
        })).decideCase,
      { kind: 'success', text: `Sent to the applicant: they are asked to re-take ${photos(seen.documents.filter(inRequest).length)}.`, next: true },
    ).catch((e) => setBanner({ kind: 'error', text: errorMessage(e) }));
  const unflag = (doc: DocumentFieldsFragment, seen: CaseDetailFragment) =>
    act(
      seen,
      async () => (await client.execute(ClearDocumentDecisionMutation, { input: { documentId: doc.id, expectedVersion: seen.version } })).clearDocumentDecision,
      { kind: 'updated', text: `${documentLabel(doc)}: unflagged. It is no longer part of the request.` },
    ).catch((e) => setBanner({ kind: 'error', text: errorMessage(e) }));

  const confirm = async (input: DecisionInput) => {
    if (!dialog) return;
    const { request, seen } = dialog;
    if (request.kind === 'document') return decideDocument(request.document, request.decision, input, seen);
    return act(
      seen,
      async () =>
        (await client.execute(DecideCaseMutation, {
          input: {
            caseId: seen.id,
            decision: request.decision,
            reason: input.reason ?? null,
            ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
            documents: input.documents ?? null,
            expectedVersion: seen.version,
          },
        })).decideCase,
      { kind: 'success', text: (proposes(request.decision) && PROPOSED[request.decision]) || DONE[request.decision], next: true },
    ).then(() => saveNote(input.note));
  };

  const proposal = c.proposedDecision;
  /** secondReview confirms or returns the proposal the reviewer saw when opening the dialog. */
  const secondReview = async (reason?: string) => {
    const seenProposal = second?.seen.proposedDecision;
    if (!second || !seenProposal) return;
    const { kind, seen } = second;
    if (kind === 'confirm') {
      return act(
        seen,
        async () => (await client.execute(ConfirmDecisionMutation, { input: { caseId: seen.id, expectedVersion: seen.version } })).confirmDecision,
        { kind: 'success', text: CONFIRMED[seenProposal.decision], next: true },
      );
    }
    return act(
      seen,
      async () =>
        (await client.execute(ReturnDecisionMutation, { input: { caseId: seen.id, reason: reason ?? '', expectedVersion: seen.version } }))
          .returnDecision,
      { kind: 'updated', text: `Returned to review. ${seenProposal.by.name || seenProposal.by.email} sees why on this case.` },
    );
  };

  const assign = () =>
    act(c, async () => (await client.execute(AssignCaseMutation, { input: { caseId: c.id } })).assignCase, {
      kind: 'updated',
      text: 'Assigned to you.',
    }).catch((e) => setBanner({ kind: 'error', text: errorMessage(e) }));
  const assignTo = (r: Reviewer) =>
    act(c, async () => (await client.execute(AssignCaseMutation, { input: { caseId: c.id, reviewerId: r.id } })).assignCase, {
      kind: 'updated',
      text: `Assigned to ${reviewerName(r)}.`,
    }).catch((e) => setBanner({ kind: 'error', text: errorMessage(e) }));
  const unassign = () =>
    act(c, async () => (await client.execute(UnassignCaseMutation, { input: { caseId: c.id } })).unassignCase, {
      kind: 'updated',
      text: 'Unassigned.',
    }).catch((e) => setBanner({ kind: 'error', text: errorMessage(e) }));

  const erase = (reason: string) =>
    act(c, async () => (await client.execute(EraseCaseMutation, { input: { caseId: c.id, reason } })).eraseCase, {
      kind: 'updated',
      text: "The applicant's data was erased.",
    }).then(() => setErasing(false));

  const addNote = async (body: string) => {
    inFlight.current++;
    try {
      await client.execute(AddNoteMutation, { input: { caseId: c.id, body } });
      const fresh = await client.execute(GetCaseQuery, { id });
      if (fresh.node?.__typename === 'Case') show(fresh.node as CaseDetailFragment);
    } finally {
      inFlight.current--;
    }
  };

  const documentPanel = (d: DocumentFieldsFragment) => (
    <DocumentPanel
      key={d.id}
      document={d}
      revisions={history(d)}
      canDecide={canDecide}
      busy={busy}
      refreshLinks={refreshLinks}
      erased={erased}
      onApprove={() => void decideDocument(d, 'APPROVE', {}, c).catch((e) => setBanner({ kind: 'error', text: errorMessage(e) }))}
      onRequestResubmission={() => setDialog({ request: { kind: 'document', decision: 'REQUEST_RESUBMISSION', document: d }, seen: c })}
      onReject={() => setDialog({ request: { kind: 'document', decision: 'REJECT', document: d }, seen: c })}
    />
  );

  return (
    <main id="main" tabIndex={-1} className="page page-case">
      {back}
      <header className="case-head">
        <div className="case-title">
          <h1>{name}</h1>
          <StatusBadge status={c.status} />
          {c.erasedAt && <ErasedBadge at={c.erasedAt} />}
        </div>
        <p className="case-meta">
          {c.applicant.email && <span>{c.applicant.email}</span>}
          {c.submittedAt && (
            <span>
              Submitted{' '}
              <time dateTime={c.submittedAt} title={formatDateTime(c.submittedAt)}>
                {timeAgo(c.submittedAt, now)}
              </time>
            </span>
          )}
          {c.revision > 1 && <span>Resubmission {c.revision - 1}</span>}
          <span>
            Assignee: <strong>{c.assignee ? (mine ? 'you' : c.assignee.name || c.assignee.email) : 'nobody'}</strong>
            {c.assignee && !c.assignee.active && <span className="flag"> (assignee inactive)</span>}
          </span>
        </p>
        <div className="assign">
          {me.role === 'ADMIN' && !erased && (
            <button type="button" className="button button-danger-outline" aria-haspopup="dialog" onClick={() => setErasing(true)} disabled={busy}>
              Erase applicant data…
            </button>
          )}
          {!erased && !mine && (
            <button type="button" className="button" onClick={() => void assign()} disabled={busy}>
              Assign to me
            </button>
          )}
          {!erased && mine && (
            <button type="button" className="button button-quiet" onClick={() => void unassign()} disabled={busy}>
              Unassign
            </button>
          )}
          {!erased && <AssignMenu meId={me.id} assigneeId={c.assignee?.id ?? null} busy={busy} onAssign={(r) => void assignTo(r)} />}
        </div>
      </header>

      {c.erasedAt ? (
        <section className="privacy-state privacy-erased" aria-labelledby="erased-title" data-erased-at={c.erasedAt}>
          <h2 id="erased-title">
            Erased on <time dateTime={c.erasedAt}>{formatDateTime(c.erasedAt)}</time>
          </h2>
          <p>
            The applicant’s details and photos were deleted
            {erasure ? ` by ${erasure.actor === 'applicant' ? 'the applicant' : erasure.actor === 'system' ? 'the retention rules' : actorLabel(erasure.actor)}` : ''}
            {erasureReason ? (
              <>
                {' '}
                (<q>{erasureReason}</q>)
              </>
            ) : null}
            . The status, dates, decisions and audit trail are kept. This case can no longer change.
          </p>
        </section>
      ) : (
        c.documentsPurgedAt && (
          <section className="privacy-state" aria-labelledby="purged-title" data-documents-purged={c.documentsPurgedAt}>
            <h2 id="purged-title">
              Photos deleted on <time dateTime={c.documentsPurgedAt}>{formatDateTime(c.documentsPurgedAt)}</time>
            </h2>
            <p>The retention period after the decision ended. The decision, dates and audit trail are kept.</p>
          </section>
        )
      )}

      {proposal && c.status === 'AWAITING_SECOND_REVIEW' && (
        <ProposalPanel
          proposal={proposal}
          meId={me.id}
          now={now}
          busy={busy}
          onConfirm={() => setSecond({ kind: 'confirm', seen: c })}
          onReturn={() => setSecond({ kind: 'return', seen: c })}
        />
      )}
      {c.returnedDecision && <ReturnedPanel returned={c.returnedDecision} meId={me.id} now={now} />}

      {!erased && (
        <section className="decision-bar" aria-label="Case decision">
          <div className="decision-buttons">
            <button
              type="button"
              className="button button-approve"
              disabled={!allowed('APPROVE') || busy}
              aria-describedby={approveWhy ? 'approve-why' : why ? 'decide-why' : undefined}
              onClick={() => openCase('APPROVE')}
            >
              Approve case{keys && <kbd aria-hidden="true">A</kbd>}
            </button>
            <button
              type="button"
              className="button"
              disabled={!allowed('REQUEST_RESUBMISSION') || busy}
              aria-describedby={why ? 'decide-why' : undefined}
              onClick={() => openCase('REQUEST_RESUBMISSION')}
            >
              Request resubmission{keys && <kbd aria-hidden="true">R</kbd>}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={!allowed('REJECT') || busy}
              aria-describedby={why ? 'decide-why' : undefined}
              onClick={() => openCase('REJECT')}
            >
              Reject case{keys && <kbd aria-hidden="true">X</kbd>}
            </button>
          </div>
          {why && (
            <p id="decide-why" className="decision-why">
              {why}
            </p>
          )}
          {approveWhy && (
            <p id="approve-why" className="decision-why">
              {approveWhy}
            </p>
          )}
          {!why && !c.assignee && <p className="decision-why">Deciding assigns this case to you.</p>}
          {!why && fourEyes !== 'OFF' && (
            <p className="decision-why">
              Four-eyes review: {fourEyes === 'ALL' ? 'approvals and rejections' : 'approvals'} need a second reviewer to confirm them.
            </p>
          )}
          {c.reason && !pending && (
            <p className="decision-why">
              Reason shown to the applicant: <q>{c.reason}</q>
            </p>
          )}
        </section>
      )}

      {!erased && (
        <ResubmissionRequest
          flagged={flagged}
          canSend={canDecide}
          busy={busy}
          onSend={() => void sendRequest(c)}
          onUnflag={(d) => void unflag(d, c)}
        />
      )}

      {/* While a dialog is open it says what changed itself: one alert at a time. */}
      {banner && !dialog && !second && !erasing && (
        <div ref={bannerRef} tabIndex={-1} className={`banner banner-${banner.kind}`} data-banner={banner.kind}>
          <p role={banner.kind === 'conflict' || banner.kind === 'error' ? 'alert' : 'status'}>{banner.text}</p>
          <div className="banner-actions">
            {banner.kind === 'success' && banner.next && (
              <button type="button" className="button button-primary" onClick={() => void goNext()} disabled={nextBusy}>
                Next case{keys && <kbd aria-hidden="true">N</kbd>}
              </button>
            )}
            <button type="button" className="button button-quiet" onClick={() => setBanner(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}

      <section className="documents" aria-labelledby="documents-title">
        <h2 id="documents-title">Documents</h2>
        {c.documents.length === 0 ? (
          <p className="muted">No documents uploaded yet.</p>
        ) : (
          <div className="documents-grid">
            <div className="documents-column">{identity.map(documentPanel)}</div>
            <div className="documents-column">{selfies.map(documentPanel)}</div>
          </div>
        )}
      </section>

      <div className="case-bottom">
        <section className="panel">
          <h2>Applicant</h2>
          <dl className="facts">
            <div>
              <dt>First name</dt>
              <dd>{erased ? 'Erased' : c.applicant.firstName || '—'}</dd>
            </div>
            <div>
              <dt>Last name</dt>
              <dd>{erased ? 'Erased' : c.applicant.lastName || '—'}</dd>
            </div>
            <div>
              <dt>Date of birth</dt>
              <dd>{erased ? 'Erased' : c.applicant.dateOfBirth ? <DateOfBirth value={c.applicant.dateOfBirth} /> : '—'}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{erased ? 'Erased' : c.applicant.email || '—'}</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{formatDateTime(c.createdAt)}</dd>
            </div>
            <div>
              <dt>Collection step</dt>
              <dd>{c.state}</dd>
            </div>
            <div>
              <dt>Case ID</dt>
              <dd>
                <code>{c.id}</code>
              </dd>
            </div>
            {c.externalId && (
              <div>
                <dt>External ID</dt>
                <dd>
                  <code>{c.externalId}</code>
                </dd>
              </div>
            )}
            <div>
              <dt>Version</dt>
              <dd>{c.version}</dd>
            </div>
          </dl>
          {c.metadata && Object.keys(c.metadata).length > 0 && (
            <>
              {/* The integrator's own data, as given to startCase. */}
              <h3 className="facts-subhead">Metadata</h3>
              <pre className="case-metadata">{JSON.stringify(c.metadata, null, 2)}</pre>
            </>
          )}
        </section>
        <Notes notes={c.notes} onAdd={erased ? undefined : addNote} />
        <Timeline events={c.events} chain={c.auditChain} />
      </div>

      {dialog && (
        <DecisionDialog
          request={dialog.request}
          caseData={dialog.seen}
          changed={c.version > dialog.seen.version ? describeChanges(dialog.seen, c, me.id) : null}
          propose={dialog.request.kind === 'case' && proposes(dialog.request.decision)}
          onCancel={() => setDialog(null)}
          onConfirm={confirm}
        />
      )}
      {erasing && <EraseDialog caseData={c} onCancel={() => setErasing(false)} onErase={erase} />}
      {second && second.seen.proposedDecision && (
        <SecondReviewDialog
          kind={second.kind}
          caseData={second.seen}
          proposal={second.seen.proposedDecision}
          meId={me.id}
          onCancel={() => setSecond(null)}
          onSubmit={secondReview}
        />
      )}
    </main>
  );
}

/** DateOfBirth shows the applicant's date of birth (YYYY-MM-DD, a calendar date) and today's age. */
function DateOfBirth({ value }: { value: string }) {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const now = new Date();
  const age = now.getFullYear() - y - (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d) ? 1 : 0);
  const shown = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <>
      <time dateTime={value}>{shown}</time> (age {age})
    </>
  );
}
