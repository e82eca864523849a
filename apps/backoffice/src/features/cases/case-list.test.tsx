import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connection, listItem, ME } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const ada = listItem({ id: 'c1' });
const grace = listItem({
  id: 'c2',
  status: 'RESUBMISSION_REQUESTED',
  applicant: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
  assignee: ME,
});

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
    await user.click(screen.getByRole('button', { name: 'Older →' }));
    await screen.findByRole('link', { name: 'Grace Hopper' });
    expect(client.callsOf('ListCases').at(-1)).toMatchObject({ first: 25, after: 'c9' });
  });
});
