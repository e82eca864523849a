import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KycError } from '@kyc/sdk/errors';
import type { TeamMemberFragment } from '../../gql/graphql';
import { connection, ME, OTHER } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const member = (m: Partial<TeamMemberFragment> & { id: string; email: string; name: string }): TeamMemberFragment => ({
  role: 'REVIEWER',
  active: true,
  lastSignInAt: '2026-11-25T10:00:00Z',
  invitePending: false,
  ...m,
});

const TEAM = [
  member({ ...OTHER }),
  member({ id: 'rev-4', email: 'dora@example.com', name: 'Dora Invited', invitePending: true, lastSignInAt: null }),
  member({ id: 'rev-5', email: 'eve@example.com', name: 'Eve Gone', active: false }),
  member({ ...ME, role: 'ADMIN' }),
];

const row = (name: string) => screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;

describe('team page', () => {
  it('is not offered to a reviewer who is not an admin, and says "not allowed" at its URL', async () => {
    const { client } = renderApp('team', { Me: () => ({ me: { ...OTHER, role: 'REVIEWER' } }), ListCases: () => connection([]) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Team' })).toBeNull();
    expect(client.callsOf('Team')).toHaveLength(0);
  });

  it('lists the team for an admin: role, active / invited / inactive, last sign-in; no deactivate for yourself', async () => {
    renderApp('', { ListCases: () => connection([]), Team: () => ({ reviewers: TEAM }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Team' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Team/ })).toBeTruthy();
    expect(location.pathname).toBe('/backoffice/team');
    expect(document.title).toBe('Team · KYC Review');

    expect(within(row('Bob Builder')).getByText('Reviewer')).toBeTruthy();
    expect(row('Bob Builder').querySelector('[data-member-status]')?.textContent).toBe('Active');
    expect(row('Dora Invited').querySelector('[data-member-status]')?.textContent).toBe('Invited');
    expect(within(row('Dora Invited')).getByText('Never')).toBeTruthy();
    expect(row('Eve Gone').querySelector('[data-member-status]')?.textContent).toBe('Inactive');
    expect(within(row('Eve Gone')).getByRole('button', { name: 'Reactivate Eve Gone' })).toBeTruthy();
    expect(within(row('Rita Reviewer')).getByText('Admin')).toBeTruthy();
    expect(within(row('Rita Reviewer')).queryByRole('button')).toBeNull();
  });

  it('invites a reviewer and shows the link once, with a Copy button', async () => {
    let team = TEAM;
    const invited = member({ id: 'rev-9', email: 'fred@example.com', name: 'Fred New', invitePending: true, lastSignInAt: null });
    const { client } = renderApp('team', {
      Team: () => ({ reviewers: team }),
      InviteReviewer: () => {
        team = [...TEAM, invited];
        return { inviteReviewer: { reviewer: invited, inviteUrl: 'http://localhost:8080/backoffice/#invite=secret-token' } };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Invite reviewer' }));
    let dialog = screen.getByRole('dialog', { name: 'Invite a reviewer' });
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation link' }));
    expect(within(dialog).getByText(/Enter an email address/)).toBeTruthy();
    expect(client.callsOf('InviteReviewer')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Email'), 'fred@example.com');
    await user.type(within(dialog).getByLabelText('Name'), 'Fred New');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Admin');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation link' }));

    dialog = await screen.findByRole('dialog', { name: 'Invitation link for Fred New' });
    expect(client.callsOf('InviteReviewer')).toEqual([{ input: { email: 'fred@example.com', name: 'Fred New', role: 'ADMIN' } }]);
    expect(dialog.textContent).toMatch(/works once and is valid for 7 days/);
    expect(dialog.textContent).toMatch(/shown only now/);
    expect((within(dialog).getByLabelText('Invitation link') as HTMLInputElement).value).toBe('http://localhost:8080/backoffice/#invite=secret-token');
    const copy = within(dialog).getByRole('button', { name: 'Copy' });
    expect(document.activeElement).toBe(copy);
    await user.click(copy);
    expect(await navigator.clipboard.readText()).toBe('http://localhost:8080/backoffice/#invite=secret-token');
    expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('rowheader', { name: /Fred New/ })).toBeTruthy(); // the list was refetched
    expect(screen.queryByText(/secret-token/)).toBeNull(); // and the link is gone for good
  });

  it('says when the email already has an account', async () => {
    renderApp('team', {
      Team: () => ({ reviewers: TEAM }),
      InviteReviewer: () => {
        throw new KycError('CONFLICT', 'bob@example.com already has a reviewer account');
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Invite reviewer' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Email'), 'bob@example.com');
    await user.type(within(dialog).getByLabelText('Name'), 'Bob');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation link' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('bob@example.com already has a reviewer account.');
  });

  it('deactivates a reviewer after a confirmation, and can cancel', async () => {
    let team = TEAM;
    const { client } = renderApp('team', {
      Team: () => ({ reviewers: team }),
      SetReviewerActive: ({ input }: { input: { reviewerId: string; active: boolean } }) => {
        team = team.map((m) => (m.id === input.reviewerId ? { ...m, active: input.active } : m));
        return { setReviewerActive: team.find((m) => m.id === input.reviewerId) };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Deactivate Bob Builder' }));
    let dialog = screen.getByRole('dialog', { name: 'Deactivate Bob Builder?' });
    expect(dialog.textContent).toMatch(/signed out at once/);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(client.callsOf('SetReviewerActive')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Deactivate Bob Builder' }));
    dialog = screen.getByRole('dialog', { name: 'Deactivate Bob Builder?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsOf('SetReviewerActive')).toEqual([{ input: { reviewerId: OTHER.id, active: false } }]);
    await waitFor(() => expect(row('Bob Builder').querySelector('[data-member-status]')?.textContent).toBe('Inactive'));
    expect(screen.getByRole('button', { name: 'Reactivate Bob Builder' })).toBeTruthy();
  });
});
