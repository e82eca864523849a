import { createKycClient } from '@kyc/sdk';
import { FakeServer } from '@kyc/sdk/testing';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { App } from '@/app/app';

/** renderApp mounts the app over a FakeServer, as a phone user would see it. */
export function renderApp(server = new FakeServer()) {
  const client = createKycClient({ transport: server.transport(), resumeUrlFor: (t) => `http://app.test/kyc/#resume=${t}` });
  const user = userEvent.setup();
  const view = render(<App client={client} />);
  return { server, client, user, ...view };
}

/** stateShown is the data-state of the current screen. */
export function stateShown(): string | null {
  return document.querySelector('main')?.getAttribute('data-state') ?? null;
}

export async function waitForState(state: string, timeout = 1000) {
  await waitFor(() => expect(stateShown()).toBe(state), { timeout });
}

/** startKyc fills the landing page's details (required since issue 14) and presses Start KYC. */
export async function startKyc(
  user: ReturnType<typeof userEvent.setup>,
  details: { firstName?: string; lastName?: string; dateOfBirth?: string; email?: string } = {},
) {
  const d = { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', email: '', ...details };
  // Each value at once (as autofill or a date picker gives it): typing key by key is the form's own tests' business.
  fireEvent.change(await screen.findByLabelText(/^First name/), { target: { value: d.firstName } });
  fireEvent.change(screen.getByLabelText(/^Last name/), { target: { value: d.lastName } });
  fireEvent.change(screen.getByLabelText(/^Date of birth/), { target: { value: d.dateOfBirth } });
  if (d.email) fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: d.email } });
  await user.click(screen.getByRole('button', { name: 'Start KYC' }));
}

export const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])], 'photo.png', { type: 'image/png' });

export { screen };
