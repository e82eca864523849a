import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KycError } from '@kyc/sdk/errors';
import { connection, listItem, ME } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

describe('sign-in', () => {
  it('shows the sign-in form when `me` is null and says so on wrong credentials', async () => {
    const { client } = renderApp('', {
      Me: () => ({ me: null }),
      Login: () => {
        throw new KycError('UNAUTHENTICATED', 'wrong email or password');
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'rita@example.com');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(client.callsOf('Login')).toEqual([{ input: { email: 'rita@example.com', password: 'nope' } }]);
  });

  it('signs in, reopens the socket with the new cookie, and shows the case list', async () => {
    const { client } = renderApp('', {
      Me: () => ({ me: null }),
      Login: () => ({ login: ME }),
      ListCases: () => connection([listItem({ id: 'c1' })]),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'rita@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(client.resets).toBe(1);
    expect(screen.getByText(ME.name)).toBeTruthy();
  });

  it('restores the session on reload and signs out', async () => {
    const { client } = renderApp('', {
      ListCases: () => connection([]),
      Logout: () => ({ logout: true }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(client.callsOf('Logout')).toHaveLength(1);
  });

  it('returns to the sign-in when the session expires', async () => {
    renderApp('', {
      ListCases: () => {
        throw new KycError('UNAUTHENTICATED', 'sign in');
      },
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy());
    expect(screen.getByRole('status').textContent).toMatch(/session has ended/);
  });
});
