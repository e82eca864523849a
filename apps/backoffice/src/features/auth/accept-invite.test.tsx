import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KycError } from '@kyc/sdk/errors';
import { connection, listItem, OTHER } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';
import { validatePassword } from './accept-invite';

const INVITED = { ...OTHER, role: 'REVIEWER' };

describe('accept an invitation', () => {
  it('checks the password before sending: at least 12 characters, typed the same twice', () => {
    expect(validatePassword('short', 'short')).toEqual({ password: 'Use at least 12 characters.' });
    expect(validatePassword('long-enough-pass', 'long-enough-pas')).toEqual({ confirmation: 'The two passwords are not the same.' });
    expect(validatePassword('long-enough-pass', 'long-enough-pass')).toEqual({});
  });

  it('opens "Set your password" from #invite=, refuses a short or mismatched password, then signs in on the case list without the token in the URL', async () => {
    const { client } = renderApp('#invite=tok-123', {
      Me: () => ({ me: null }),
      AcceptInvite: () => ({ acceptInvite: INVITED }),
      ListCases: () => connection([listItem({ id: 'c1' })]),
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Set your password' })).toBeTruthy();
    const password = screen.getByLabelText('New password');
    const confirmation = screen.getByLabelText('Confirm password');

    await user.type(password, 'too-short');
    await user.type(confirmation, 'too-short');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(screen.getByText('Use at least 12 characters.')).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(password);

    await user.clear(password);
    await user.type(password, 'a-long-new-password');
    await user.clear(confirmation);
    await user.type(confirmation, 'a-long-new-passwort');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy();
    expect(document.activeElement).toBe(confirmation);
    expect(client.callsOf('AcceptInvite')).toHaveLength(0);

    await user.clear(confirmation);
    await user.type(confirmation, 'a-long-new-password{Enter}');
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(client.callsOf('AcceptInvite')).toEqual([{ input: { token: 'tok-123', password: 'a-long-new-password' } }]);
    expect(location.hash).toBe('');
    expect(location.pathname).toBe('/backoffice/');
    expect(client.resets).toBe(1); // the socket reopens with the new session cookie
    expect(screen.getByText(OTHER.name)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Team' })).toBeNull(); // a reviewer, not an admin
  });

  it('says plainly when the link is used or expired (UNAUTHENTICATED), and stays on the page', async () => {
    renderApp('#invite=used-token', {
      Me: () => ({ me: null }),
      AcceptInvite: () => {
        throw new KycError('UNAUTHENTICATED', 'this invitation link is not valid', { answered: true });
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New password'), 'a-long-new-password');
    await user.type(screen.getByLabelText('Confirm password'), 'a-long-new-password');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/does not work any more: it was used already, has expired/);
    expect(alert.textContent).toMatch(/Ask your admin for a new link/);
    expect((screen.getByRole('button', { name: 'Set password and sign in' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    expect(location.hash).toBe('#invite=used-token');
  });

  it('shows the server’s reason for a refused password', async () => {
    renderApp('#invite=tok', {
      Me: () => ({ me: null }),
      AcceptInvite: () => {
        throw new KycError('BAD_USER_INPUT', 'the password needs at least 12 characters');
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New password'), 'twelve-chars');
    await user.type(screen.getByLabelText('Confirm password'), 'twelve-chars');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/needs at least 12 characters/));
    expect((screen.getByRole('button', { name: 'Set password and sign in' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
