import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { png, renderApp, screen, startKyc, waitForState } from '@/testing/render-app';

type Ctx = ReturnType<typeof renderApp>;

async function toPhoto({ user }: Ctx, type: 'Passport' | 'ID card') {
  await startKyc(user);
  await user.click(await screen.findByRole('button', { name: 'Continue' }));
  await waitForState('document_selection');
  await user.click(screen.getByRole('radio', { name: type }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_photo');
}

async function toSelfie(ctx: Ctx) {
  const { user } = ctx;
  await toPhoto(ctx, 'Passport');
  await user.upload(screen.getByLabelText('Upload a photo'), png());
  await screen.findByAltText(/your current/i);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_review');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('selfie');
}

describe('wording (issue 14 item 7)', { timeout: 30_000 }, () => {
  it('Continue on the selfie step without a selfie asks for one, as the document step does', async () => {
    const ctx = renderApp();
    await toSelfie(ctx);
    await ctx.user.click(screen.getByRole('button', { name: 'Continue' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Please take a selfie before you continue.');
    expect(alert.textContent).not.toMatch(/not available right now/);
    expect(ctx.server.caseOf().state).toBe('selfie');
  });

  it('"Check your photo" for one photo, "Check your photos" for the front and the back', async () => {
    const one = renderApp();
    await toSelfie(one); // passes document_review with one photo
    await one.user.click(screen.getByRole('button', { name: /Back/ }));
    await waitForState('document_review');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Check your photo');
    one.unmount();
    localStorage.clear();

    const two = renderApp();
    await toPhoto(two, 'ID card');
    await two.user.upload(screen.getByLabelText('Upload a photo'), png());
    await screen.findByAltText('Your current ID card photo');
    await two.user.click(screen.getByRole('button', { name: 'Add the back side (optional)' }));
    await two.user.upload(screen.getByLabelText('Upload the back side'), png());
    await screen.findByAltText('Your current ID card photo (back)');
    await two.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Check your photos');
  });

  it('no "Continue on another device" once submitted (waiting) or approved: nothing is left to do', async () => {
    const ctx = renderApp();
    await toSelfie(ctx);
    // Before submission the resume link is offered (document_review showed it; so does final while in progress).
    await ctx.user.upload(screen.getByLabelText('Upload a photo'), png());
    await screen.findByAltText(/your current/i);
    await ctx.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('selfie_review');
    await ctx.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('final');
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('PENDING_REVIEW');
    expect(screen.queryByRole('heading', { name: 'Continue on another device' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    act(() => ctx.server.decide(ctx.server.caseOf().id, 'APPROVE'));
    await waitFor(() => expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('APPROVED'));
    expect(screen.queryByRole('heading', { name: 'Continue on another device' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });
});
