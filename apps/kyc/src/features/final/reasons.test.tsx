import { FakeServer } from '@kyc/sdk/testing';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import { applicantReason, contactHref } from '@/lib/reasons';
import { png, renderApp, screen, startKyc, waitForState } from '@/testing/render-app';

// Issue 14 item 3: the applicant reads the preset reason's wording in their language (never the
// team's remark), and the rejection names the support contact the server is configured with.

const UNABLE_EN = 'We could not verify your identity with the information provided.';
const BLURRY_EN = 'The photo is blurry — the text must be readable.';

async function walkToFinal(ctx: ReturnType<typeof renderApp>) {
  const { user } = ctx;
  await startKyc(user);
  await waitFor(() => screen.getByRole('heading', { name: 'Before you start' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitForState('document_selection');
  await user.click(screen.getByRole('radio', { name: 'Passport' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  for (const next of ['document_review', 'selfie', 'selfie_review', 'final']) {
    if (next === 'document_review' || next === 'selfie_review') {
      await user.upload(screen.getByLabelText('Upload a photo'), png());
      await screen.findByAltText(/your current/i);
    }
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitForState(next);
  }
}

describe('reasons and support contact', { timeout: 30_000 }, () => {
  it('shows a rejection in the applicant language with the support contact as a link', async () => {
    const ctx = renderApp(new FakeServer({ supportContact: 'help@example.com' }));
    await walkToFinal(ctx);
    await act(() => i18n.changeLanguage('de'));
    act(() => ctx.server.decide(ctx.server.caseOf().id, 'REJECT', { reason: UNABLE_EN, reasonCode: 'UNABLE_TO_VERIFY' }));
    await waitFor(() => expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('REJECTED'));
    const reason = document.querySelector('[data-reason]')!;
    expect(reason.textContent).toMatch(/Wir konnten Ihre Identität mit den angegebenen Informationen nicht bestätigen\./);
    expect(document.body.textContent).not.toContain(UNABLE_EN);
    const link = screen.getByRole('link', { name: 'help@example.com' });
    expect(link.getAttribute('href')).toBe('mailto:help@example.com');
    expect(document.querySelector('[data-support-contact]')!.textContent).toMatch(/^Support kontaktieren: help@example\.com$/);
  });

  it('lists flagged photos with the code wording and the reviewer own words', async () => {
    const ctx = renderApp();
    await walkToFinal(ctx);
    act(() =>
      ctx.server.decide(ctx.server.caseOf().id, 'REQUEST_RESUBMISSION', {
        flag: [
          { type: 'PASSPORT', reason: BLURRY_EN, reasonCode: 'BLURRY' },
          { type: 'SELFIE', reason: 'Please take off your sunglasses.', reasonCode: 'FACE_NOT_VISIBLE' },
        ],
      }),
    );
    await waitFor(() => expect(document.querySelector('[data-status="RESUBMISSION_REQUESTED"]')).not.toBeNull());
    expect(document.querySelector('[data-flagged="PASSPORT"]')!.textContent).toBe(`Your passport photo: ${BLURRY_EN}`);
    expect(document.querySelector('[data-flagged="SELFIE"]')!.textContent).toMatch(/^Your selfie: Your face is not clearly visible .* Please take off your sunglasses\.$/);
    // No support contact configured: no empty "Contact support:" line.
    expect(document.querySelector('[data-support-contact]')).toBeNull();
  });

  it('reads reasons and contacts', async () => {
    expect(applicantReason('BLURRY', BLURRY_EN)).toEqual({ preset: BLURRY_EN, own: null });
    expect(applicantReason('OTHER', 'Photograph the page with the stamp.')).toEqual({ preset: null, own: 'Photograph the page with the stamp.' });
    expect(applicantReason(null, 'Old free text')).toEqual({ preset: null, own: 'Old free text' });
    await i18n.changeLanguage('fr');
    expect(applicantReason('BLURRY', BLURRY_EN)).toEqual({ preset: 'La photo est floue : le texte doit être lisible.', own: null });
    expect(contactHref('help@example.com')).toBe('mailto:help@example.com');
    expect(contactHref('https://help.example.com/kyc')).toBe('https://help.example.com/kyc');
    expect(contactHref('+49 30 123 456')).toBe('tel:+4930123456');
    expect(contactHref('Ask at the front desk')).toBeNull();
  });
});
