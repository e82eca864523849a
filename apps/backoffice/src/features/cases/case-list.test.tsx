import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { navigate } from '../../app/router';
import { connection, listItem, ME } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const ada = listItem({ id: 'c1' });
const grace = listItem({
  id: 'c2',
  status: 'RESUBMISSION_REQUESTED',
  applicant: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
  assignee: ME,
});
const alan = listItem({ id: 'c3', applicant: { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' } });

const link = (name: string) => screen.getByRole('link', { name }) as HTMLAnchorElement;
const activeRow = () => document.querySelector('tbody tr[data-active]')?.getAttribute('data-case-id') ?? null;

describe('case list', () => {
  it('shows each case as a row whose link is the applicant name, with status, assignee and age', async () => {
    renderApp('', { ListCases: () => connection([ada, grace]) });
    const link = await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect(link.getAttribute('href')).toBe('/backoffice/cases/c1');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const badge = within(rows[1]).getByText('Resubmission requested');
    expect(badge.getAttribute('data-status')).toBe('RESUBMISSION_REQUESTED');
    expect(within(rows[1]).getByText('You')).toBeTruthy();
    expect(within(rows[0]).getByText('Unassigned')).toBeTruthy();
    expect(rows[0].querySelector('time')?.getAttribute('datetime')).toBe(ada.submittedAt);
    expect(screen.getByText('2 cases')).toBeTruthy();
  });

  it('says 10,000+ when the server stopped counting', async () => {
    const capped = connection([ada]);
    capped.cases.totalCount = 10000;
    capped.cases.totalCountCapped = true;
    renderApp('', { ListCases: () => capped });
    expect(await screen.findByText('10,000+ cases')).toBeTruthy();
  });

  it('asks for pending review by default and re-queries when filters change', async () => {
    const { client } = renderApp('', { ListCases: () => connection([ada]) });
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect(client.callsOf('ListCases')[0].filter).toEqual({ status: ['PENDING_REVIEW'] });
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText('Status'), 'APPROVED');
    await waitFor(() => expect(client.callsOf('ListCases').at(-1).filter).toEqual({ status: ['APPROVED'] }));
    expect(location.search).toBe('?status=APPROVED');

    await user.click(screen.getByLabelText('Assigned to me'));
    await waitFor(() => expect(client.callsOf('ListCases').at(-1).filter).toEqual({ status: ['APPROVED'], assignedToMe: true }));

    // "Unassigned" and "Assigned to me" exclude each other.
    await user.click(screen.getByLabelText('Unassigned'));
    await waitFor(() => expect(client.callsOf('ListCases').at(-1).filter).toEqual({ status: ['APPROVED'], unassigned: true }));
    expect((screen.getByLabelText('Assigned to me') as HTMLInputElement).checked).toBe(false);

    await user.type(screen.getByLabelText('Search'), 'grace');
    await waitFor(() => expect(client.callsOf('ListCases').at(-1).filter.search).toBe('grace'));
  });

  it('is live: a feed event refetches the page, and so does a reconnect', async () => {
    let nodes = [ada];
    const { client } = renderApp('', { ListCases: () => connection(nodes) });
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect(client.subscriptions('CaseFeed')).toHaveLength(1);

    nodes = [listItem({ id: 'c3', applicant: { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' } }), ada];
    client.emit('CaseFeed', { caseFeed: { id: 'e1', caseId: 'c3', type: 'CASE_SUBMITTED', actor: 'applicant', createdAt: '2026-11-25T10:05:00Z' } });
    expect(await screen.findByRole('link', { name: 'Alan Turing' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Alan Turing' }).closest('tr')?.className).toBe('row-fresh');

    nodes = [{ ...ada, status: 'APPROVED' }];
    const before = client.callsOf('ListCases').length;
    client.reconnect();
    await waitFor(() => expect(client.callsOf('ListCases').length).toBe(before + 1));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Alan Turing' })).toBeNull());
  });

  it('explains an empty queue, an error, and pages with cursors', async () => {
    let fail = true;
    const { client } = renderApp('', {
      ListCases: (v) => {
        if (fail) throw Object.assign(new Error('x'), { code: 'INTERNAL' });
        return v.after ? connection([grace], { hasPreviousPage: true }) : connection([ada], { hasNextPage: true });
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not be loaded/);
    fail = false;
    const user = userEvent.setup();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    // The queue runs oldest first: the next page holds newer submissions.
    await user.click(screen.getByRole('button', { name: 'Newer →' }));
    await screen.findByRole('link', { name: 'Grace Hopper' });
    expect(client.callsOf('ListCases').at(-1)).toMatchObject({ first: 25, after: 'c9' });
  });

  it('moves a highlight with J / K and the arrow keys, and opens the highlighted case with Enter', async () => {
    renderApp('', { ListCases: () => connection([ada, grace, alan]), GetCase: () => ({ node: null }) });
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    const user = userEvent.setup();
    // One tab stop in the table: the first row until the cursor moves.
    expect([link('Ada Lovelace').tabIndex, link('Grace Hopper').tabIndex, link('Alan Turing').tabIndex]).toEqual([0, -1, -1]);

    await user.keyboard('j');
    expect(document.activeElement).toBe(link('Ada Lovelace'));
    expect(activeRow()).toBe('c1');
    await user.keyboard('jj');
    expect(document.activeElement).toBe(link('Alan Turing'));
    await user.keyboard('j'); // the last row stays
    expect(document.activeElement).toBe(link('Alan Turing'));
    await user.keyboard('k');
    expect(document.activeElement).toBe(link('Grace Hopper'));
    expect(activeRow()).toBe('c2');
    expect([link('Ada Lovelace').tabIndex, link('Grace Hopper').tabIndex]).toEqual([-1, 0]);

    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(link('Ada Lovelace'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(link('Grace Hopper'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location.pathname).toBe('/backoffice/cases/c2'));

    // Back on the list the cursor is on the case just opened; J goes on from there, O opens.
    act(() => navigate(''));
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect(activeRow()).toBe('c2');
    await user.keyboard('j');
    expect(document.activeElement).toBe(link('Alan Turing'));
    await user.keyboard('o');
    await waitFor(() => expect(location.pathname).toBe('/backoffice/cases/c3'));
  });

  it('keeps the highlight on its case when the list updates live', async () => {
    let nodes = [ada, grace];
    const { client } = renderApp('', { ListCases: () => connection(nodes) });
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    const user = userEvent.setup();
    await user.keyboard('jj');
    expect(activeRow()).toBe('c2');
    nodes = [alan, ada, grace];
    client.emit('CaseFeed', { caseFeed: { id: 'e1', caseId: 'c3', type: 'CASE_SUBMITTED', actor: 'applicant', createdAt: '2026-11-25T10:05:00Z' } });
    await screen.findByRole('link', { name: 'Alan Turing' });
    expect(activeRow()).toBe('c2');
    expect(document.activeElement).toBe(link('Grace Hopper'));
  });

  it('does nothing with J, K or O while typing in the search box or while a dialog is open', async () => {
    renderApp('', { ListCases: () => connection([ada, grace, alan]) });
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    const user = userEvent.setup();
    const search = screen.getByLabelText('Search') as HTMLInputElement;
    const before = activeRow();
    await user.click(search);
    await user.keyboard('jko');
    expect(search.value).toBe('jko');
    expect(document.activeElement).toBe(search);
    expect(activeRow()).toBe(before);
    expect(location.pathname).toBe('/backoffice/');

    await user.clear(search);
    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Case list: move down / up a row (↓ / ↑ too, while the list has focus)')).toBeTruthy();
    await user.keyboard('jo');
    expect(help.contains(document.activeElement)).toBe(true);
    expect(location.pathname).toBe('/backoffice/');
  });

  it('shows how long each case has waited, marks those past the SLA in words, and flags requests not sent', async () => {
    const now = Date.now();
    const ago = (h: number) => new Date(now - h * 3600_000).toISOString();
    const late = listItem({ id: 'late', submittedAt: ago(30), applicant: { firstName: 'Lena', lastName: 'Late', email: null } });
    const fresh = listItem({
      id: 'fresh',
      submittedAt: ago(3),
      applicant: { firstName: 'Finn', lastName: 'Fresh', email: null },
      documents: [
        { id: 'd1', type: 'PASSPORT', side: 'FRONT', status: 'RESUBMISSION_REQUESTED' },
        { id: 'd2', type: 'SELFIE', side: null, status: 'RESUBMISSION_REQUESTED' },
      ],
    });
    const { client } = renderApp('', {
      ListCases: () => connection([late, fresh]),
      ReviewSla: () => ({ reviewPolicy: { reviewSlaSeconds: 24 * 3600 } }),
    });
    await screen.findByRole('link', { name: 'Lena Late' });
    expect(client.callsOf('ListCases')[0]).toMatchObject({ orderBy: { field: 'SUBMITTED_AT', direction: 'ASC' } });
    expect(screen.getByRole('columnheader', { name: 'Waiting' })).toBeTruthy();
    const [lateRow, freshRow] = screen.getAllByRole('row').slice(1);
    expect(within(lateRow).getByText('waiting 30 h')).toBeTruthy();
    await waitFor(() => expect(within(lateRow).getByText(/Past the 24 h review target/)).toBeTruthy());
    expect(lateRow.getAttribute('data-past-sla')).toBe('true');
    expect(within(freshRow).getByText('waiting 3 h')).toBeTruthy();
    expect(within(freshRow).queryByText(/review target/)).toBeNull();
    expect(within(freshRow).getByText(/Request not sent \(2 photos\)/)).toBeTruthy();
    expect(within(lateRow).queryByText(/Request not sent/)).toBeNull();
  });
});
