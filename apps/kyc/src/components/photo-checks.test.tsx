import { FakeServer } from '@kyc/sdk/testing';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { png, renderApp, screen, waitForState, startKyc } from '@/testing/render-app';

async function walkToPhoto(user: ReturnType<typeof renderApp>['user']) {
  await startKyc(user);
  await waitFor(() => screen.getByRole('heading', { name: 'Before you start' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_selection');
  await user.click(screen.getByRole('radio', { name: 'Passport' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_photo');
}

describe('photo checks after an upload', { timeout: 20_000 }, () => {
  it('a blurry photo: told at once, Continue held until the applicant chose to use it', async () => {
    const server = new FakeServer();
    const { user } = renderApp(server);
    await walkToPhoto(user);
    server.nextChecks = [
      { name: 'RESOLUTION', outcome: 'PASS', score: 1200, detail: null },
      { name: 'SHARPNESS', outcome: 'WARN', score: 0.6, detail: 'The photo looks blurred.' },
    ];
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain('Please check your photo');
    expect(notice.textContent).toContain('Your photo looks blurry — the text must be readable.');
    expect(notice.textContent).not.toContain('Resolution');

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/retake it, or choose “Use this photo anyway”/);
    expect(server.caseOf().state).toBe('document_photo');

    await user.click(screen.getByRole('button', { name: 'Use this photo anyway' }));
    expect(screen.getByRole('status').textContent).toContain('You chose to use this photo.');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review');
  });

  it('a black photo: cannot be used, Continue refused without asking the server, Retake opens the picker', async () => {
    const server = new FakeServer();
    const { user } = renderApp(server);
    await walkToPhoto(user);
    server.nextChecks = [{ name: 'EXPOSURE', outcome: 'FAIL', score: 0.02, detail: 'The photo is too dark.' }];
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    const notice = await screen.findByText('Your photo is too dark — take it in better light.');
    expect(notice.closest('[role="alert"]')?.textContent).toContain('This photo cannot be used');
    expect(screen.queryByRole('button', { name: 'Use this photo anyway' })).toBeNull();

    const picked: string[] = [];
    const input = screen.getByLabelText('Upload a photo') as HTMLInputElement;
    input.addEventListener('click', () => picked.push('picker'));
    await user.click(screen.getByRole('button', { name: 'Retake' }));
    expect(picked).toEqual(['picker']);

    const before = server.calls.filter((c) => c === 'SendCaseEvent').length;
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toMatch(/Please retake it before you continue/));
    expect(server.caseOf().state).toBe('document_photo');
    expect(server.calls.filter((c) => c === 'SendCaseEvent').length).toBe(before);

    // A new, good photo clears it.
    await user.upload(input, png());
    await waitFor(() => expect(screen.queryByText('This photo cannot be used')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review');
  });

  it('the same photo again after a resubmission request: "the same photo as before"', async () => {
    const server = new FakeServer();
    const { user } = renderApp(server);
    await walkToPhoto(user);
    server.nextChecks = [{ name: 'SAME_AS_PREVIOUS', outcome: 'FAIL', score: 0, detail: 'The same photo as revision 1.' }];
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    expect(await screen.findByText('This is the same photo as before — please take a new one.')).toBeTruthy();
  });

  it('never mentions a duplicate in another case, and a photo that passed shows nothing', async () => {
    const server = new FakeServer();
    const { user } = renderApp(server);
    await walkToPhoto(user);
    server.nextChecks = [
      { name: 'SHARPNESS', outcome: 'PASS', score: 3, detail: null },
      { name: 'DUPLICATE_ELSEWHERE', outcome: 'WARN', score: 0, detail: 'Same photo as in case 42.' },
    ];
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    await screen.findByAltText('Your current passport photo');
    expect(screen.queryByRole('status')).toBeNull();
    expect(document.body.textContent).not.toMatch(/case 42|another case|duplicate/i);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review');
  });

  it('a check the app does not know gets one generic line', async () => {
    const server = new FakeServer();
    const { user } = renderApp(server);
    await walkToPhoto(user);
    server.nextChecks = [{ name: 'HOLOGRAM', outcome: 'WARN', score: null, detail: 'No hologram seen.' }];
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    expect((await screen.findByRole('status')).textContent).toContain('Something about your photo may make it hard to check.');
    expect(document.body.textContent).not.toContain('hologram');
  });
});

describe('measuring a photo before its upload', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('Continue pressed at once waits for the measuring and the upload, then moves on', async () => {
    // The browser takes a while to decode a phone photo (here it then gives up: the file is sent as it is).
    vi.stubGlobal('createImageBitmap', () => new Promise((_, reject) => setTimeout(() => reject(new Error('cannot decode')), 1500)));
    const server = new FakeServer();
    const { user } = renderApp(server);
    await walkToPhoto(user);
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_review', 5000); // the decode alone takes 1.5 s here
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server.calls.filter((c) => c === 'UploadDocument')).toHaveLength(1);
  });
});
