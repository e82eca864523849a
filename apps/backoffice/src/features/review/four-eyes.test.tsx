import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseDetailFragment } from '../../gql/graphql';
import type { FakeClient } from '../../testing/fake-client';
import { connection, listItem, makeCase, ME, OTHER } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const who = (r: { id: string; name: string; email: string }) => ({ id: r.id, name: r.name, email: r.email });

function open(c: CaseDetailFragment, handlers: FakeClient['handlers'] = {}, fourEyes = 'APPROVALS') {
  return renderApp(`cases/${c.id}`, {
    GetCase: () => ({ node: { __typename: 'Case', ...c } }),
    Reviewers: () => ({ reviewers: [OTHER, ME] }),
    ReviewPolicy: () => ({ reviewPolicy: { fourEyes } }),
    ...handlers,
  });
}

const awaiting = (by: typeof ME | typeof OTHER) =>
  makeCase({
    status: 'AWAITING_SECOND_REVIEW',
    version: 9,
    availableDecisions: [],
    assignee: by,
    proposedDecision: { decision: 'APPROVE', reason: null, at: '2026-11-25T10:05:00Z', by: who(by) },
  });

const panel = () => screen.getByRole('region', { name: /Proposed decision/ });

describe('four-eyes on the case page', () => {
  it('proposes instead of approving when the policy covers approvals', async () => {
    const { client } = open(makeCase(), {
      DecideCase: () => ({ decideCase: awaiting(ME) }),
    });
    const user = userEvent.setup();
    await screen.findByText(/approvals need a second reviewer/);
    await user.click(screen.getByRole('button', { name: 'Approve case' }));
    const dialog = screen.getByRole('dialog', { name: 'Propose approval' });
    expect(dialog.textContent).toMatch(/goes to a second reviewer/);
    await user.click(within(dialog).getByRole('button', { name: 'Propose approval' }));
    await waitFor(() => expect(client.callsOf('DecideCase')).toHaveLength(1));
    expect(await screen.findByText(/Approval proposed/)).toBeTruthy();
    expect(document.querySelector('.case-title [data-status]')?.textContent).toBe('Needs second review');
    // The author waits: no Confirm or Return for them.
    expect(within(panel()).getByText(/Waiting for a second reviewer/)).toBeTruthy();
    expect(within(panel()).queryByRole('button')).toBeNull();
  });

  it('keeps the single-reviewer wording when the policy is off', async () => {
    open(makeCase(), {}, 'OFF');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve case' }));
    expect(screen.getByRole('dialog', { name: 'Approve case' })).toBeTruthy();
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm' })).toBeTruthy();
  });

  it('says "Propose rejection" under ALL', async () => {
    open(makeCase(), {}, 'ALL');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Reject case' }));
    const dialog = screen.getByRole('dialog', { name: 'Propose rejection' });
    expect(within(dialog).getByRole('button', { name: 'Propose rejection' })).toBeTruthy();
  });

  it('shows its author the proposal without Confirm or Return', async () => {
    open(awaiting(ME));
    expect(await screen.findByRole('heading', { name: 'Proposed decision: Approve' })).toBeTruthy();
    expect(within(panel()).getByText('you')).toBeTruthy();
    expect(within(panel()).getByText(/Waiting for a second reviewer/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Confirm/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Return to review' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Approve case' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets another reviewer confirm, sending the version on screen', async () => {
    const { client } = open(awaiting(OTHER), {
      ConfirmDecision: () => ({ confirmDecision: makeCase({ status: 'APPROVED', version: 10, availableDecisions: [], assignee: OTHER }) }),
    });
    const user = userEvent.setup();
    await screen.findByRole('region', { name: /Proposed decision/ });
    expect(within(panel()).getByText('Bob Builder', { selector: 'strong' })).toBeTruthy();
    expect(within(panel()).queryByText(/Waiting for a second reviewer/)).toBeNull();
    await user.click(within(panel()).getByRole('button', { name: 'Confirm approval' }));
    const dialog = screen.getByRole('dialog', { name: 'Confirm approval' });
    expect(dialog.textContent).toMatch(/will be approved, as Bob Builder proposed/);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm approval' }));
    await waitFor(() => expect(client.callsOf('ConfirmDecision')).toEqual([{ input: { caseId: 'case-1', expectedVersion: 9 } }]));
    expect(await screen.findByText('Approval confirmed: the case is approved.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Proposed decision/ })).toBeNull();
  });

  it('returns a proposal only with a reason', async () => {
    const returned = makeCase({
      version: 10,
      assignee: OTHER,
      returnedDecision: {
        decision: 'APPROVE', reason: null, at: '2026-11-25T10:05:00Z', by: who(OTHER),
        returnedBy: who(ME), returnReason: 'The selfie does not match', returnedAt: '2026-11-25T10:07:00Z',
      },
    });
    const { client } = open(awaiting(OTHER), { ReturnDecision: () => ({ returnDecision: returned }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Return to review' }));
    const dialog = screen.getByRole('dialog', { name: 'Return to review' });
    await user.click(within(dialog).getByRole('button', { name: 'Return to review' }));
    expect(within(dialog).getByText(/Say why the proposal goes back/)).toBeTruthy();
    expect(client.callsOf('ReturnDecision')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Why does it go back?'), 'The selfie does not match');
    await user.click(within(dialog).getByRole('button', { name: 'Return to review' }));
    await waitFor(() => expect(client.callsOf('ReturnDecision')).toEqual([
      { input: { caseId: 'case-1', reason: 'The selfie does not match', expectedVersion: 9 } },
    ]));
    expect(await screen.findByRole('heading', { name: 'A proposal was returned' })).toBeTruthy();
  });

  it('shows its author why the proposal came back', async () => {
    open(makeCase({
      assignee: ME,
      returnedDecision: {
        decision: 'APPROVE', reason: null, at: '2026-11-25T10:05:00Z', by: who(ME),
        returnedBy: who(OTHER), returnReason: 'Check the document’s expiry date', returnedAt: '2026-11-25T10:07:00Z',
      },
    }));
    const section = await screen.findByRole('region', { name: 'Your proposal was returned' });
    expect(section.textContent).toMatch(/returned by Bob Builder/);
    expect(within(section).getByText('Check the document’s expiry date')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Approve case' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when the assignee is inactive', async () => {
    open(makeCase({ assignee: { ...OTHER, active: false } }));
    expect(await screen.findByText('(assignee inactive)')).toBeTruthy();
  });
});

describe('four-eyes in the case list', () => {
  it('has a "Needs second review" queue and marks inactive assignees', async () => {
    const { client } = renderApp('', {
      ListCases: ({ filter }: { filter: { status?: string[] } }) =>
        filter.status?.[0] === 'AWAITING_SECOND_REVIEW'
          ? connection([listItem({ id: 'c2', status: 'AWAITING_SECOND_REVIEW', assignee: { ...OTHER, active: false } })])
          : connection([listItem({ id: 'c1' })]),
    });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect(screen.queryByText('assignee inactive')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Status'), 'Needs second review');
    await waitFor(() => expect(location.search).toBe('?status=AWAITING_SECOND_REVIEW'));
    expect(await screen.findByText('assignee inactive')).toBeTruthy();
    expect(client.callsOf('ListCases').at(-1)).toMatchObject({
      filter: { status: ['AWAITING_SECOND_REVIEW'] },
      orderBy: { field: 'SUBMITTED_AT', direction: 'DESC' },
    });
    expect(document.querySelector('tbody [data-status]')?.textContent).toBe('Needs second review');
  });
});
