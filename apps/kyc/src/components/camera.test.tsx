import { afterEach, describe, expect, it, vi } from 'vitest';
import { png, renderApp, screen, waitForState, startKyc } from '@/testing/render-app';

describe('camera fallback', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  it('offers "Use camera" when getUserMedia exists, and explains a refusal', async () => {
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: { getUserMedia: vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError')) },
    });
    const { user } = renderApp();
    await startKyc(user);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await waitForState('document_selection');
    await user.click(screen.getByRole('radio', { name: 'ID card' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_photo');
    await user.click(screen.getByRole('button', { name: 'Use camera' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/upload a photo instead/i);
    // the file picker still works
    await user.upload(screen.getByLabelText('Upload a photo'), png());
    await screen.findByAltText('Your current ID card photo');
  });

  it('hides the camera button where there is no camera API', async () => {
    const { user } = renderApp();
    await startKyc(user);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await waitForState('document_selection');
    await user.click(screen.getByRole('radio', { name: 'Voter ID' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState('document_photo');
    expect(screen.queryByRole('button', { name: 'Use camera' })).toBeNull();
    expect(screen.getByLabelText('Upload a photo')).toBeTruthy();
  });
});
