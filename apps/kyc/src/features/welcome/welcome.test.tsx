import { createKycClient, TOKEN_KEY } from '@kyc/sdk';
import { FakeServer } from '@kyc/sdk/testing';
import { fireEvent } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, screen, startKyc, stateShown, waitForState } from '@/testing/render-app';

describe('welcome: personal details (issue 14 item 6)', { timeout: 30_000 }, () => {
  it('requires first name, last name and date of birth, says so next to each field, and starts nothing', async () => {
    const { user, server } = renderApp();
    await waitForState('welcome');
    await user.click(screen.getByRole('button', { name: 'Start KYC' }));
    const first = screen.getByLabelText(/^First name/);
    expect(document.activeElement).toBe(first);
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(first.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText('Enter your first name.').id).toBe('first-name-error');
    expect(first.getAttribute('aria-describedby')).toContain('first-name-error');
    expect(screen.getByText('Enter your last name.')).toBeTruthy();
    expect(screen.getByText('Enter your date of birth.')).toBeTruthy();
    expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBeNull(); // optional
    expect(server.calls).not.toContain('StartCase');
  });

  it('refuses a bad email and an applicant under 16', async () => {
    const { user, server } = renderApp();
    await startKyc(user, { email: 'not-an-email', dateOfBirth: new Date(Date.now() - 10 * 365 * 864e5).toISOString().slice(0, 10) });
    expect(await screen.findByText('Enter an email address like name@example.com, or leave it empty.')).toBeTruthy();
    expect(screen.getByText('You must be at least 16 years old to verify your identity here.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Date of birth/));
    expect(server.calls).not.toContain('StartCase');
    // Fixing a field clears its message.
    await user.clear(screen.getByLabelText(/^Email/));
    expect(screen.queryByText(/Enter an email address/)).toBeNull();
  });

  it('sends the details with Start KYC, then keeps them editable on the welcome step', async () => {
    const { user, server } = renderApp();
    await startKyc(user, { firstName: '  Ada ', lastName: 'Lovelace', dateOfBirth: '1990-12-10', email: 'ada@example.com' });
    await screen.findByRole('heading', { name: 'Before you start' });
    expect(server.caseOf().applicant).toEqual({ firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', email: 'ada@example.com' });
    // The details are shown again, filled in, and a change is saved before moving on.
    const last = screen.getByLabelText<HTMLInputElement>(/^Last name/);
    expect(last.value).toBe('Lovelace');
    expect(screen.getByLabelText<HTMLInputElement>(/^Date of birth/).value).toBe('1990-12-10');
    await user.clear(last);
    await user.type(last, 'King');
    await user.clear(screen.getByLabelText(/^Email/));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_selection');
    expect(server.caseOf().applicant).toEqual({ firstName: 'Ada', lastName: 'King', dateOfBirth: '1990-12-10', email: null });
    expect(server.calls.filter((c) => c === 'UpdateMyDetails')).toHaveLength(1);
  });

  it('does not save unchanged details again', async () => {
    const { user, server } = renderApp();
    await startKyc(user);
    await screen.findByRole('heading', { name: 'Before you start' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_selection');
    expect(server.calls).not.toContain('UpdateMyDetails');
  });

  it('a case started without details (e.g. by an integrator) asks for them before going on', async () => {
    const server = new FakeServer();
    const integrator = createKycClient({ transport: server.transport(), storage: null, resumeUrlFor: (t) => t });
    await integrator.start();
    localStorage.setItem(TOKEN_KEY, server.caseOf().token);
    const { user } = renderApp(server);
    await screen.findByRole('heading', { name: 'Before you start' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Enter your first name.')).toBeTruthy();
    expect(stateShown()).toBe('welcome');
    await user.type(screen.getByLabelText(/^First name/), 'Grace');
    await user.type(screen.getByLabelText(/^Last name/), 'Hopper');
    fireEvent.change(screen.getByLabelText(/^Date of birth/), { target: { value: '1906-12-09' } });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_selection');
    expect(server.caseOf().applicant).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', dateOfBirth: '1906-12-09' });
  });
});
