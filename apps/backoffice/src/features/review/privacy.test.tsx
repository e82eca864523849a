import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KycError } from '@kyc/sdk/errors';
import type { CaseDetailFragment } from '../../gql/graphql';
import type { FakeClient } from '../../testing/fake-client';
import { connection, listItem, makeCase, makeDocument, ME } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const ERASED_AT = '2026-11-27T09:30:00Z';

function erasedCase(over: Partial<CaseDetailFragment> = {}): CaseDetailFragment {
  const documents = [makeDocument({ purgedAt: ERASED_AT }), makeDocument({ type: 'SELFIE', purgedAt: ERASED_AT })];
  const base = makeCase();
  return makeCase({
    status: 'APPROVED',
    decidedAt: '2026-11-26T10:00:00Z',
    availableDecisions: [],
    applicant: { firstName: null, lastName: null, dateOfBirth: null, email: null },
    erasedAt: ERASED_AT,
    documentsPurgedAt: ERASED_AT,
    documents,
    documentHistory: documents,
    events: [
      ...base.events,
      {
        id: 'ev-e', type: 'APPLICANT_ERASED', actor: 'reviewer:rita@example.com', fromState: null, toState: null,
        data: '{"documents":2,"reason":"GDPR Art. 17, ticket 1234"}', hash: 'e5'.repeat(32), createdAt: ERASED_AT,
      },
    ],
    ...over,
  });
}

function open(c: CaseDetailFragment, handlers: FakeClient['handlers'] = {}) {
  return renderApp(`cases/${c.id}`, {
    GetCase: () => ({ node: { __typename: 'Case', ...c } }),
    Reviewers: () => ({ reviewers: [ME] }),
    ...handlers,
  });
}

describe('erased case', () => {
  it('reads Erased, says when and why, shows "Photo deleted" instead of images, and offers no action', async () => {
    open(erasedCase());
    expect(await screen.findByRole('heading', { level: 1, name: 'Erased' })).toBeTruthy();
    const state = screen.getByRole('region', { name: /^Erased on / });
    expect(state.textContent).toMatch(/deleted by rita@example\.com \(GDPR Art\. 17, ticket 1234\)\./);
    expect(state.textContent).toMatch(/can no longer change/);
    expect(document.querySelector('[data-erased]')?.textContent).toBe('Erased');

    expect(screen.queryByRole('region', { name: 'Case decision' })).toBeNull();
    for (const name of ['Approve case', 'Reject case', 'Request resubmission', 'Approve document', 'Reject document', 'Assign to me', 'Erase applicant data…']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    for (const name of ['Passport', 'Selfie']) {
      const region = screen.getByRole('region', { name });
      expect(within(region).queryByRole('img')).toBeNull();
      expect(within(region).getByText(/Photo deleted on/).querySelector('time')?.getAttribute('datetime')).toBe(ERASED_AT);
      expect(region.textContent).toMatch(/applicant's data was erased/);
    }
    expect(screen.queryByLabelText('Note')).toBeNull();
    expect(screen.getAllByText('Erased').length).toBeGreaterThan(1); // heading, badge, applicant facts
    const item = document.querySelector('li[data-event-type="APPLICANT_ERASED"]')!;
    expect(item.textContent).toMatch(/Applicant data erased/);
    expect(document.title).toBe('Erased · Approved · KYC Review');
  });

  it('photos deleted by retention: said on the case and on each document, the decision stays', async () => {
    const documents = [makeDocument({ status: 'APPROVED', purgedAt: ERASED_AT })];
    open(makeCase({ status: 'APPROVED', availableDecisions: [], decidedAt: '2021-11-26T10:00:00Z', documentsPurgedAt: ERASED_AT, documents, documentHistory: documents }));
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(screen.getByRole('region', { name: /^Photos deleted on / }).textContent).toMatch(/retention period/);
    const passport = screen.getByRole('region', { name: 'Passport' });
    expect(within(passport).queryByRole('img')).toBeNull();
    expect(passport.textContent).toMatch(/Photo deleted on .*Deleted under the retention rules/);
    expect(screen.getByRole('region', { name: 'Case decision' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^Erased on/ })).toBeNull();
  });

  it('shows an earlier revision that was purged as deleted while the current photo still shows', async () => {
    const current = makeDocument({ id: 'p2', revision: 2 });
    const old = makeDocument({ id: 'p1', revision: 1, purgedAt: ERASED_AT });
    open(makeCase({ documents: [current], documentHistory: [current, old] }));
    const passport = await screen.findByRole('region', { name: 'Passport' });
    expect(within(passport).getByRole('img', { name: 'Passport, revision 2' })).toBeTruthy();
    await userEvent.setup().click(within(passport).getByRole('button', { name: 'Revision 1' }));
    expect(within(passport).queryByRole('img')).toBeNull();
    expect(within(passport).getByText(/Photo deleted on/)).toBeTruthy();
  });
});

describe('Erase applicant data', () => {
  it('asks for a reason in a dialog that says what goes and what stays, then shows the erased case', async () => {
    const c = makeCase();
    const { client } = renderApp(`cases/${c.id}`, {
      GetCase: () => ({ node: { __typename: 'Case', ...c } }),
      Reviewers: () => ({ reviewers: [ME] }),
      EraseCase: () => ({ eraseCase: erasedCase({ status: 'PENDING_REVIEW', decidedAt: null, availableDecisions: ['APPROVE'] }) }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Erase applicant data…' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase applicant data' });
    const description = document.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toMatch(/name, email/);
    expect(description.textContent).toMatch(/every photo, all revisions \(2 photos\)/);
    expect(description.textContent).toMatch(/Kept: the status, the dates, the decisions, the notes and the audit trail/);
    expect(description.textContent).toMatch(/cannot be undone/);

    // The reason is required.
    await user.click(within(dialog).getByRole('button', { name: 'Erase data' }));
    expect(within(dialog).getByText('Say why the data is erased.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(client.callsOf('EraseCase')).toEqual([]);

    await user.type(within(dialog).getByLabelText('Reason'), '  GDPR Art. 17, ticket 1234 ');
    await user.click(within(dialog).getByRole('button', { name: 'Erase data' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsOf('EraseCase')).toEqual([{ input: { caseId: 'case-1', reason: 'GDPR Art. 17, ticket 1234' } }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Erased' })).toBeTruthy();
    expect(screen.getByRole('region', { name: /^Erased on / })).toBeTruthy();
    // Even a case still pending review offers no decision once erased.
    expect(screen.queryByRole('region', { name: 'Case decision' })).toBeNull();
  });

  it('keeps the dialog open with the server refusal', async () => {
    const c = makeCase();
    renderApp(`cases/${c.id}`, {
      GetCase: () => ({ node: { __typename: 'Case', ...c } }),
      Reviewers: () => ({ reviewers: [ME] }),
      EraseCase: () => {
        throw new KycError('FORBIDDEN', 'Only an admin can do this.');
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Erase applicant data…' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase applicant data' });
    await user.type(within(dialog).getByLabelText('Reason'), 'asked by email');
    await user.click(within(dialog).getByRole('button', { name: 'Erase data' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace', hidden: true })).toBeTruthy();
  });

  it('is not offered to a reviewer who is not an admin', async () => {
    const c = makeCase();
    renderApp(`cases/${c.id}`, {
      Me: () => ({ me: { ...ME, role: 'REVIEWER' } }),
      GetCase: () => ({ node: { __typename: 'Case', ...c } }),
      Reviewers: () => ({ reviewers: [ME] }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(screen.queryByRole('button', { name: 'Erase applicant data…' })).toBeNull();
  });
});

describe('case list', () => {
  it('names an erased applicant "Erased" with a badge', async () => {
    const erased = listItem({ id: 'c9', applicant: { firstName: null, lastName: null, email: null }, erasedAt: ERASED_AT, status: 'APPROVED' });
    renderApp('', { ListCases: () => connection([listItem({ id: 'c1' }), erased]) });
    const link = await screen.findByRole('link', { name: 'Erased' });
    const row = link.closest('tr')!;
    expect(row.getAttribute('data-case-id')).toBe('c9');
    expect(row.querySelector('[data-erased]')?.getAttribute('title')).toMatch(/^Applicant data erased on 27 Nov 2026/);
    expect(screen.getByRole('link', { name: 'Ada Lovelace' }).closest('tr')!.querySelector('[data-erased]')).toBeNull();
  });
});
