import { TOKEN_KEY } from '@kyc/sdk';
import { FakeServer } from '@kyc/sdk/testing';
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { png, renderApp, screen, stateShown, waitForState, startKyc } from '@/testing/render-app';

type Ctx = ReturnType<typeof renderApp>;

async function startCase({ user }: Ctx) {
  await startKyc(user);
  await screen.findByRole('heading', { name: 'Before you start' });
}

async function submit(ctx: Ctx) {
  const { user } = ctx;
  await startCase(ctx);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_selection');
  await user.click(screen.getByRole('radio', { name: 'Passport' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  for (const [photoState, next] of [['document_photo', 'document_review'], ['selfie', 'selfie_review']] as const) {
    await waitForState(photoState);
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    await screen.findByAltText(/your current/i);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState(next);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
  }
  await waitForState('final');
}

describe('Delete my data', () => {
  it('asks first (what is deleted, that it cannot be undone), then erases and says so', async () => {
    const ctx = renderApp();
    const { user, server } = ctx;
    await startCase(ctx);
    const id = server.caseOf().id;

    // Cancel changes nothing.
    await user.click(screen.getByRole('button', { name: 'Delete my data' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete your data?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toMatch(/name, email and every photo/);
    expect(dialog.textContent).toMatch(/cannot be undone/i);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.calls).not.toContain('EraseMyCase');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete my data' }));

    // Escape closes too.
    await user.click(screen.getByRole('button', { name: 'Delete my data' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Delete my data' }));
    dialog = screen.getByRole('dialog', { name: 'Delete your data?' });
    await user.click(within(dialog).getByRole('button', { name: 'Yes, delete my data' }));

    await screen.findByRole('heading', { level: 1, name: 'Your data was deleted' });
    expect(stateShown()).toBe('erased');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.erased).toEqual([id]);
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Start a new verification' }));
    await screen.findByRole('heading', { level: 1, name: 'Verify your identity' });
  });

  it('is offered on the final screen while photos are to be re-taken', async () => {
    const server = new FakeServer();
    const ctx = renderApp(server);
    await submit(ctx);
    server.decide(server.caseOf().id, 'REQUEST_RESUBMISSION', { flag: [{ type: 'SELFIE', reason: 'Blurry image' }] });
    await waitFor(() => expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('RESUBMISSION_REQUESTED'));
    await ctx.user.click(screen.getByRole('button', { name: 'Delete my data' }));
    await ctx.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Yes, delete my data' }));
    await screen.findByRole('heading', { level: 1, name: 'Your data was deleted' });
    expect(server.erased).toHaveLength(1);
  });

  it('after submission says to contact support instead', async () => {
    const ctx = renderApp();
    await submit(ctx);
    expect(screen.queryByRole('button', { name: 'Delete my data' })).toBeNull();
    expect(screen.getByText(/To have your data deleted, please contact our support team/)).toBeTruthy();
  });

  it('keeps the case and shows why when the request fails', async () => {
    const ctx = renderApp();
    const { user, server } = ctx;
    await startCase(ctx);
    server.failNext('EraseMyCase', 'NETWORK');
    await user.click(screen.getByRole('button', { name: 'Delete my data' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete your data?' });
    await user.click(within(dialog).getByRole('button', { name: 'Yes, delete my data' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/could not reach our server/);
    expect(server.erased).toEqual([]);
    expect(localStorage.getItem(TOKEN_KEY)).not.toBeNull();
    // It can be tried again from the same dialog.
    await user.click(within(dialog).getByRole('button', { name: 'Yes, delete my data' }));
    await screen.findByRole('heading', { level: 1, name: 'Your data was deleted' });
  });
});
