import type { CaseDetailFragment, CaseListItemFragment, DocumentFieldsFragment, ReasonPresetsQuery } from '../gql/graphql';

export const ME = { id: 'rev-1', email: 'rita@example.com', name: 'Rita Reviewer', role: 'ADMIN' as const, active: true };
export const OTHER = { id: 'rev-2', email: 'bob@example.com', name: 'Bob Builder', role: 'REVIEWER' as const, active: true };

export function makeDocument(overrides: Partial<DocumentFieldsFragment> = {}): DocumentFieldsFragment {
  const type = overrides.type ?? 'PASSPORT';
  return {
    id: `doc-${type.toLowerCase()}`,
    type,
    side: type === 'SELFIE' ? null : 'FRONT',
    status: 'PENDING',
    reason: null,
    reasonCode: null,
    submitted: true,
    revision: 1,
    url: `/documents/doc-${type.toLowerCase()}?exp=1&sig=abc`,
    contentType: 'image/jpeg',
    size: 12_345,
    sha256: 'ab'.repeat(32),
    width: 640,
    height: 400,
    createdAt: '2026-11-25T10:00:00Z',
    purgedAt: null,
    checks: [],
    ...overrides,
  };
}

export function makeCase(overrides: Partial<CaseDetailFragment> = {}): CaseDetailFragment {
  const documents = overrides.documents ?? [makeDocument(), makeDocument({ type: 'SELFIE', width: 480, height: 640 })];
  return {
    id: 'case-1',
    state: 'final',
    status: 'PENDING_REVIEW',
    version: 7,
    revision: 1,
    reason: null,
    reasonCode: null,
    externalId: null,
    metadata: null,
    erasedAt: null,
    documentsPurgedAt: null,
    availableDecisions: ['APPROVE', 'REJECT', 'REQUEST_RESUBMISSION'],
    selectedDocumentType: 'PASSPORT',
    applicant: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', email: 'ada@example.com' },
    assignee: null,
    proposedDecision: null,
    returnedDecision: null,
    documents,
    documentHistory: overrides.documentHistory ?? documents,
    events: [
      { id: 'ev-1', type: 'CASE_STARTED', actor: 'applicant', fromState: null, toState: 'welcome', data: null, hash: 'a1'.repeat(32), createdAt: '2026-11-25T09:59:00Z' },
      { id: 'ev-s', type: 'STATE_CHANGED', actor: 'applicant', fromState: 'selfie_review', toState: 'final', data: '{"event":"USER_NEXT_STEP"}', hash: 'c3'.repeat(32), createdAt: '2026-11-25T10:01:00Z' },
      { id: 'ev-2', type: 'CASE_SUBMITTED', actor: 'applicant', fromState: null, toState: null, data: '{"revision":1}', hash: 'b2'.repeat(32), createdAt: '2026-11-25T10:01:00Z' },
    ],
    auditChain: { valid: true, checkedEvents: 3, firstBrokenEventId: null, detail: null },
    notes: [],
    createdAt: '2026-11-25T09:59:00Z',
    updatedAt: '2026-11-25T10:01:00Z',
    submittedAt: '2026-11-25T10:01:00Z',
    decidedAt: null,
    ...overrides,
  };
}

export function listItem(c: Partial<CaseListItemFragment> & { id: string }): CaseListItemFragment {
  return {
    status: 'PENDING_REVIEW',
    version: 3,
    revision: 1,
    applicant: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    assignee: null,
    documents: [{ id: `${c.id}-d`, type: 'PASSPORT', side: 'FRONT', status: 'PENDING' }],
    createdAt: '2026-11-25T09:59:00Z',
    updatedAt: '2026-11-25T10:01:00Z',
    submittedAt: '2026-11-25T10:01:00Z',
    erasedAt: null,
    checkSummary: { warnings: 0, fails: 0 },
    ...c,
  };
}

export function connection(nodes: CaseListItemFragment[], pageInfo: Partial<{ hasNextPage: boolean; hasPreviousPage: boolean }> = {}) {
  return {
    cases: {
      totalCount: nodes.length,
      totalCountCapped: false,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: 'c0', endCursor: 'c9', ...pageInfo },
      edges: nodes.map((node, i) => ({ cursor: `c${i}`, node })),
    },
  };
}

/**
 * The server's answer to ReasonPresets (workflow/reasons.go is the source of this wording; the
 * server tests hold the API to it, and workflow's TestBackofficeFixturePresetsMatchServer this
 * copy): what the decision dialog shows as "The applicant reads".
 */
export const REASON_PRESETS: ReasonPresetsQuery['reasonPresets'] = [
  { code: 'BLURRY', applicantText: 'The photo is blurry — the text must be readable.', appliesTo: ['DOCUMENT'] },
  { code: 'GLARE', applicantText: 'Light reflects on the document — take the photo without glare so that every detail is visible.', appliesTo: ['DOCUMENT'] },
  { code: 'CUT_OFF', applicantText: 'Part of the document is cut off — all four corners must be in the photo.', appliesTo: ['DOCUMENT'] },
  { code: 'EXPIRED', applicantText: 'The document has expired — please use a valid one.', appliesTo: ['DOCUMENT', 'CASE'] },
  { code: 'WRONG_DOCUMENT', applicantText: 'This is not the document you selected — please photograph the right one.', appliesTo: ['DOCUMENT'] },
  {
    code: 'FACE_NOT_VISIBLE',
    applicantText: 'Your face is not clearly visible — look into the camera in good light, without sunglasses or a hat.',
    appliesTo: ['DOCUMENT'],
  },
  { code: 'DOES_NOT_MATCH', applicantText: 'The person in the selfie does not match the photo on the document.', appliesTo: ['DOCUMENT', 'CASE'] },
  { code: 'UNABLE_TO_VERIFY', applicantText: 'We could not verify your identity with the information provided.', appliesTo: ['CASE'] },
  { code: 'OTHER', applicantText: '', appliesTo: ['DOCUMENT', 'CASE'] },
];

/** reasonText is a preset's wording for the applicant, as the server stores it. */
export function reasonText(code: ReasonPresetsQuery['reasonPresets'][number]['code']): string {
  return REASON_PRESETS.find((p) => p.code === code)?.applicantText ?? '';
}
