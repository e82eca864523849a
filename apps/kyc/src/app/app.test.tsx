import { TOKEN_KEY } from '@kyc/sdk';
import { FakeServer } from '@kyc/sdk/testing';
import { act, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { png, renderApp, screen, stateShown, waitForState, startKyc } from '@/testing/render-app';

async function startAndWalkToPhoto(user: ReturnType<typeof renderApp>['user']) {
  await startKyc(user);
  await waitFor(() => screen.getByRole('heading', { name: 'Before you start' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_selection');
  await user.click(screen.getByRole('radio', { name: 'Passport' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_photo');
}

async function uploadAndContinue(user: ReturnType<typeof renderApp>['user'], next: string) {
  await user.upload(screen.getByLabelText('Upload a photo'), png());
  await screen.findByAltText(/your current/i);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState(next);
}

async function walkToFinal(ctx: ReturnType<typeof renderApp>) {
  const { user } = ctx;
  await startAndWalkToPhoto(user);
  await uploadAndContinue(user, 'document_review');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('selfie');
  await uploadAndContinue(user, 'selfie_review');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('final');
}

describe('KYC app', () => {
  it('lands on the welcome page with Start KYC, then shows the welcome state', async () => {
    const { user, server } = renderApp();
    await waitForState('welcome');
    expect(screen.getByRole('heading', { level: 1, name: 'Verify your identity' })).toBeTruthy();
    await startKyc(user, { firstName: 'Ada' });
    await screen.findByRole('heading', { name: 'Before you start' });
    expect(stateShown()).toBe('welcome');
    expect(server.caseOf().applicant.firstName).toBe('Ada');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('token-1');
    expect(screen.queryByRole('button', { name: /Back/ })).toBeNull();
  });

  it('asks for a document type before leaving document_selection', async () => {
    const { user } = renderApp();
    await startKyc(user);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await waitForState('document_selection');
    for (const name of ['ID card', 'Passport', "Driver's license", 'Voter ID']) {
      expect(screen.getByRole('radio', { name })).toBeTruthy();
    }
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/choose the document/i);
    expect(stateShown()).toBe('document_selection');
    // the resume link is shown on persisted states
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(screen.getByAltText('QR code of your resume link')).toBeTruthy();
    expect(screen.getByText('http://fake.test/kyc/#resume=token-1')).toBeTruthy();
    // Back goes to welcome
    await user.click(screen.getByRole('button', { name: /Back/ }));
    await screen.findByRole('heading', { name: 'Before you start' });
  });

  it('blocks Continue on document_photo until a photo is uploaded, with a progress bar', async () => {
    const { user, server } = renderApp();
    await startAndWalkToPhoto(user);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Photograph your passport');
    const input = screen.getByLabelText('Upload a photo') as HTMLInputElement;
    expect(input.accept).toBe('image/jpeg,image/png,image/webp');
    expect(input.getAttribute('capture')).toBe('environment');

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/add a photo/i);
    expect(server.caseOf().state).toBe('document_photo');

    await user.upload(input, png());
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    await screen.findByAltText('Your current passport photo');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review');
    expect(screen.getByAltText('Your passport photo')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retake' })).toBeTruthy();
  });

  it('shows a refused upload with human copy', async () => {
    const { user, server } = renderApp();
    await startAndWalkToPhoto(user);
    server.failNext('UploadDocument', 'UNSUPPORTED_MEDIA_TYPE');
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    expect((await screen.findByRole('alert')).textContent).toMatch(/JPEG, PNG or WebP/);
  });

  it('Retake on document_review goes back to the photo step', async () => {
    const { user } = renderApp();
    await startAndWalkToPhoto(user);
    await uploadAndContinue(user, 'document_review');
    await user.click(screen.getByRole('button', { name: 'Retake' }));
    await waitForState('document_photo');
  });

  it('walks to final, shows pending review, then the live decision', async () => {
    const ctx = renderApp();
    await walkToFinal(ctx);
    const status = () => document.querySelector('[data-status]')!;
    expect(status().getAttribute('data-status')).toBe('PENDING_REVIEW');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Submitted/);
    act(() => ctx.server.decide(ctx.server.caseOf().id, 'APPROVE'));
    await waitFor(() => expect(status().getAttribute('data-status')).toBe('APPROVED'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('You are verified');
  });

  it('shows a rejection with its reason', async () => {
    const ctx = renderApp();
    await walkToFinal(ctx);
    act(() => ctx.server.decide(ctx.server.caseOf().id, 'REJECT', { reason: 'Document expired' }));
    await waitFor(() => expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('REJECTED'));
    expect(screen.getByText('Document expired')).toBeTruthy();
  });

  it('resubmission: lists flagged documents, re-takes only those, returns to pending', async () => {
    const ctx = renderApp();
    const { user, server } = ctx;
    await walkToFinal(ctx);
    act(() => server.decide(server.caseOf().id, 'REQUEST_RESUBMISSION', { flag: [{ type: 'SELFIE', reason: 'Face is blurry' }] }));
    const panel = await waitFor(() => {
      const el = document.querySelector('[data-status="RESUBMISSION_REQUESTED"]');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    expect(stateShown()).toBe('final');
    expect(within(panel).getByText(/Face is blurry/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Re-take photos' }));
    await waitForState('selfie');
    expect(screen.getByRole('note').textContent).toMatch(/Face is blurry/);
    expect(screen.queryByRole('button', { name: /Back/ })).toBeNull(); // cannot go below where the reviewer sent us
    await uploadAndContinue(user, 'selfie_review');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('final');
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('PENDING_REVIEW');
    expect(server.caseOf().revision).toBe(2);
  });

  it('keeps kept photos on unflagged steps: Continue without re-upload', async () => {
    const ctx = renderApp();
    const { user, server } = ctx;
    await walkToFinal(ctx);
    act(() => server.decide(server.caseOf().id, 'REQUEST_RESUBMISSION', { flag: [{ type: 'PASSPORT', reason: 'Glare' }] }));
    await user.click(await screen.findByRole('button', { name: 'Re-take photos' }));
    await waitForState('document_photo');
    await uploadAndContinue(user, 'document_review');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('selfie');
    expect(screen.getByAltText('Your current selfie photo')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('selfie_review');
  });

  it('opens a resume link: stores the token, strips the fragment, lands on the saved state', async () => {
    const server = new FakeServer();
    const first = renderApp(server);
    await startAndWalkToPhoto(first.user);
    first.unmount();
    localStorage.clear();

    history.replaceState(null, '', '/kyc/#resume=token-1');
    renderApp(server);
    await waitForState('document_photo');
    expect(location.hash).toBe('');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('token-1');
  });

  it('a reload resumes from the stored token', async () => {
    const server = new FakeServer();
    const first = renderApp(server);
    await startAndWalkToPhoto(first.user);
    first.unmount();
    renderApp(server);
    await waitForState('document_photo');
  });

  it('an invalid resume link says so and offers a fresh start', async () => {
    history.replaceState(null, '', '/kyc/#resume=bogus');
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not find this verification/i);
    expect(screen.getByRole('button', { name: 'Start KYC' })).toBeTruthy();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('a server outage while resuming keeps the token and offers Try again, never a fresh start', async () => {
    const server = new FakeServer();
    const first = renderApp(server);
    await startAndWalkToPhoto(first.user);
    first.unmount();
    server.failNext('MyCase', 'INTERNAL', 'temporarily unavailable, try again');
    const { user } = renderApp(server);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/on our side/i);
    expect(screen.queryByRole('button', { name: 'Start KYC' })).toBeNull();
    expect(localStorage.getItem(TOKEN_KEY)).toBe('token-1');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitForState('document_photo');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('token-1');
  });

  it('an expired link says so and offers a fresh start', async () => {
    const server = new FakeServer();
    const first = renderApp(server);
    await startAndWalkToPhoto(first.user);
    first.unmount();
    server.failNext('MyCase', 'UNAUTHENTICATED', 'this link has expired');
    renderApp(server);
    expect((await screen.findByRole('alert')).textContent).toMatch(/expired or was replaced/i);
    expect(await screen.findByRole('button', { name: 'Start KYC' })).toBeTruthy();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('a network error is shown with Try again, which retries', async () => {
    const { user, server } = renderApp();
    await startKyc(user);
    await screen.findByRole('heading', { name: 'Before you start' });
    server.failNext('SendCaseEvent', 'NETWORK');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/internet connection/);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitForState('document_selection');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

async function walkToIdCardPhoto(user: ReturnType<typeof renderApp>['user']) {
  await startKyc(user);
  await waitFor(() => screen.getByRole('heading', { name: 'Before you start' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_selection');
  await user.click(screen.getByRole('radio', { name: 'ID card' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_photo');
}

/** Front and back of an ID card, then on to final. */
async function walkToFinalWithBack(ctx: ReturnType<typeof renderApp>) {
  const { user } = ctx;
  await walkToIdCardPhoto(user);
  await user.upload(screen.getByLabelText('Upload a photo'), png());
  await screen.findByAltText('Your current ID card photo');
  await user.click(screen.getByRole('button', { name: 'Add the back side (optional)' }));
  await user.upload(screen.getByLabelText('Upload the back side'), png());
  await screen.findByAltText('Your current ID card photo (back)');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_review');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('selfie');
  await uploadAndContinue(user, 'selfie_review');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('final');
}

describe('the back side of an identity document', () => {
  it('is not offered for a passport', async () => {
    const { user } = renderApp();
    await startAndWalkToPhoto(user);
    expect(screen.queryByRole('button', { name: /back side/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Back side' })).toBeNull();
  });

  it('is optional beside the front: front alone continues, both sides are uploaded and reviewed', async () => {
    const { user, server } = renderApp();
    await walkToIdCardPhoto(user);
    const front = screen.getByRole('region', { name: 'Front side' });
    const back = screen.getByRole('region', { name: 'Back side' });
    expect(within(front).getByText('Required')).toBeTruthy();
    expect(within(back).getByText('Optional')).toBeTruthy();
    expect(within(front).getByLabelText('Upload a photo')).toBeTruthy();
    expect(screen.queryByLabelText('Upload the back side')).toBeNull(); // closed until asked for

    // Continue without the front is refused as before, even with the back offered.
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/add a photo/i);

    await user.upload(screen.getByLabelText('Upload a photo'), png());
    await screen.findByAltText('Your current ID card photo');
    await user.click(screen.getByRole('button', { name: 'Add the back side (optional)' }));
    const input = screen.getByLabelText('Upload the back side') as HTMLInputElement;
    expect(input.accept).toBe('image/jpeg,image/png,image/webp');
    expect(input.getAttribute('capture')).toBe('environment');
    await user.upload(input, png());
    expect(await within(screen.getByRole('region', { name: 'Back side' })).findByRole('progressbar')).toBeTruthy();
    await screen.findByAltText('Your current ID card photo (back)');
    expect(within(screen.getByRole('region', { name: 'Back side' })).getByText('Added')).toBeTruthy();
    expect(server.caseOf().documents.map((d) => `${d.type}/${d.side}`)).toEqual(['ID_CARD/FRONT', 'ID_CARD/BACK']);

    // Either side can be re-taken: a new front is a new revision, the back stays.
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    await waitFor(() => expect(server.caseOf().documents.find((d) => d.side === 'FRONT')?.revision).toBe(2));
    expect(server.caseOf().documents.find((d) => d.side === 'BACK')?.revision).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review');
    expect(screen.getByAltText('Your ID card photo')).toBeTruthy();
    expect(screen.getByAltText('Your ID card photo (back)')).toBeTruthy();
  });

  it('front only still continues (the back stays optional)', async () => {
    const { user } = renderApp();
    await walkToIdCardPhoto(user);
    await uploadAndContinue(user, 'document_review');
    expect(screen.getByAltText('Your ID card photo')).toBeTruthy();
    expect(screen.queryByAltText('Your ID card photo (back)')).toBeNull();
  });

  it('resubmission of the back: says which side and why, keeps the front, requires a new back', async () => {
    const ctx = renderApp();
    const { user, server } = ctx;
    await walkToFinalWithBack(ctx);
    act(() =>
      server.decide(server.caseOf().id, 'REQUEST_RESUBMISSION', { flag: [{ type: 'ID_CARD', side: 'BACK', reason: 'Blurry image' }] }),
    );
    const panel = await waitFor(() => {
      const el = document.querySelector('[data-status="RESUBMISSION_REQUESTED"]');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    expect(within(panel).getByText('The back of your ID card')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Re-take photos' }));
    await waitForState('document_photo');

    expect(screen.getByRole('note').textContent).toMatch(/new photo of the back side\..*Blurry image/);
    const front = screen.getByRole('region', { name: 'Front side' });
    expect(within(front).getByText('Kept')).toBeTruthy();
    expect(within(front).getByText(/This photo is kept/)).toBeTruthy();
    expect(screen.queryByLabelText('Upload a photo')).toBeNull(); // the front cannot be re-taken
    const back = screen.getByRole('region', { name: 'Back side' });
    expect(within(back).getByText('New photo needed')).toBeTruthy();
    expect(within(back).getByAltText('Your ID card photo (back) that needs to be re-taken')).toBeTruthy();

    // Continue with the flagged back is refused in the app, before asking the server.
    const sent = server.calls.filter((c) => c === 'SendCaseEvent').length;
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/new photo of the back side.*re-take it/);
    expect(server.calls.filter((c) => c === 'SendCaseEvent').length).toBe(sent);
    expect(stateShown()).toBe('document_photo');

    await user.upload(within(back).getByLabelText('Upload the back side'), png());
    await screen.findByAltText('Your current ID card photo (back)');
    // The new back can still be re-taken until the case is submitted again.
    expect(screen.getByLabelText('Upload the back side')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('selfie');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('selfie_review');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('final');
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('PENDING_REVIEW');
    const docs = server.caseOf().documents;
    expect(docs.find((d) => d.side === 'FRONT')?.revision).toBe(1);
    expect(docs.find((d) => d.side === 'BACK')?.revision).toBe(2);
  });

  it('resubmission of the front: the back is kept and can stay as it is', async () => {
    const ctx = renderApp();
    const { user, server } = ctx;
    await walkToFinalWithBack(ctx);
    act(() => server.decide(server.caseOf().id, 'REQUEST_RESUBMISSION', { flag: [{ type: 'ID_CARD', side: 'FRONT', reason: 'Glare' }] }));
    await user.click(await screen.findByRole('button', { name: 'Re-take photos' }));
    await waitForState('document_photo');
    expect(screen.getByRole('note').textContent).toMatch(/front side\..*Glare/);
    expect(within(screen.getByRole('region', { name: 'Back side' })).getByText('Kept')).toBeTruthy();
    expect(screen.queryByLabelText('Upload the back side')).toBeNull();
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    await screen.findByAltText('Your current ID card photo');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review');
  });
});
