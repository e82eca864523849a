import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseDetailFragment } from '../../gql/graphql';
import { caseStatusSentence, DOCUMENT_STATUS_PHRASE, formatSla, overSla, waitingTime } from '../../lib/labels';
import { makeCase, makeDocument, ME, REASON_PRESETS, reasonText } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const flaggedCase = () =>
  makeCase({
    assignee: ME,
    availableDecisions: ['REJECT', 'REQUEST_RESUBMISSION'],
    documents: [
      makeDocument({ status: 'RESUBMISSION_REQUESTED', reasonCode: 'BLURRY', reason: reasonText('BLURRY') }),
      makeDocument({ type: 'SELFIE', status: 'RESUBMISSION_REQUESTED', reasonCode: 'FACE_NOT_VISIBLE', reason: 'Take off your sunglasses.' }),
    ],
  });

function open(c: CaseDetailFragment, handlers = {}) {
  return renderApp(`cases/${c.id}`, { GetCase: () => ({ node: { __typename: 'Case', ...c } }), Reviewers: () => ({ reviewers: [] }), ...handlers });
}

describe('the resubmission request (issue 14 item 2)', () => {
  it('gathers the flagged photos, visibly not sent, and sends them in one step', async () => {
    const { client } = open(flaggedCase(), {
      DecideCase: () => ({ decideCase: makeCase({ status: 'RESUBMISSION_REQUESTED', version: 8, availableDecisions: [] }) }),
    });
    const request = await screen.findByRole('region', { name: 'Resubmission request' });
    expect(within(request).getByText('Not sent yet')).toBeTruthy();
    expect(request.textContent).toMatch(/has not been told anything yet/);
    const items = within(request).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Passport · Blurry photoShown to the applicant: “?The photo is blurry/),
      expect.stringMatching(/^Selfie · Face not visibleShown to the applicant: “?Take off your sunglasses\./),
    ]);
    const user = userEvent.setup();
    await user.click(within(request).getByRole('button', { name: 'Send to applicant (2 photos)' }));
    await waitFor(() =>
      expect(client.callsOf('DecideCase')).toEqual([{ input: { caseId: 'case-1', decision: 'REQUEST_RESUBMISSION', documents: [], expectedVersion: 7 } }]),
    );
    expect(await screen.findByText('Sent to the applicant: they are asked to re-take 2 photos.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Resubmission request' })).toBeNull());
  });

  it('unflags a photo before sending', async () => {
    const c = flaggedCase();
    const { client } = open(c, {
      ClearDocumentDecision: () => ({
        clearDocumentDecision: { ...c, version: 8, documents: [c.documents[0], { ...c.documents[1], status: 'PENDING', reason: null, reasonCode: null }] },
      }),
    });
    const request = await screen.findByRole('region', { name: 'Resubmission request' });
    const user = userEvent.setup();
    await user.click(within(request).getByRole('button', { name: 'Unflag Selfie' }));
    await waitFor(() => expect(client.callsOf('ClearDocumentDecision')).toEqual([{ input: { documentId: 'doc-selfie', expectedVersion: 7 } }]));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Resubmission request' })).getByRole('button', { name: 'Send to applicant (1 photo)' })).toBeTruthy());
  });

  it('shows no request when nothing is flagged, nor once it was sent', async () => {
    open(makeCase());
    await screen.findByRole('region', { name: 'Passport' });
    expect(screen.queryByRole('region', { name: 'Resubmission request' })).toBeNull();
  });
});

describe('the preset reasons come from the server (workflow/reasons.go)', () => {
  it('shows the wording the server stores, asked once, and offers only the codes the server offers for the decision', async () => {
    const presets = REASON_PRESETS.map((p) =>
      p.code === 'BLURRY' ? { ...p, applicantText: 'Server wording: the photo is blurry.' } : p.code === 'GLARE' ? { ...p, appliesTo: ['CASE' as const] } : p,
    );
    const { client } = open(makeCase(), { ReasonPresets: () => ({ reasonPresets: presets }) });
    const user = userEvent.setup();
    for (let round = 0; round < 2; round++) {
      const selfie = await screen.findByRole('region', { name: 'Selfie' });
      await user.click(within(selfie).getByRole('button', { name: 'Request resubmission' }));
      const dialog = screen.getByRole('dialog');
      const reason = within(dialog).getByLabelText('Reason');
      await user.selectOptions(reason, 'Blurry photo');
      await waitFor(() => expect(dialog.querySelector('[data-applicant-wording]')?.textContent).toMatch(/The applicant reads: “?Server wording: the photo is blurry\./));
      const options = within(reason).getAllByRole('option').map((o) => o.textContent);
      expect(options).not.toContain('Glare on the document');
      expect(options).toContain('Document cut off');
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(client.callsOf('ReasonPresets')).toHaveLength(1); // the second dialog reads the cache
    }
  });
});

describe('revisions the reviewer never saw (issue 14 item 5)', () => {
  it('shows the submitted photo first and collapses the attempts replaced before submission', async () => {
    const current = makeDocument({ id: 'p-3', revision: 3, submitted: true, url: '/documents/p-3' });
    const replaced = [makeDocument({ id: 'p-2', revision: 2, submitted: false, url: '/documents/p-2' }), makeDocument({ id: 'p-1', revision: 1, submitted: false, url: '/documents/p-1' })];
    open(makeCase({ documents: [current, makeDocument({ type: 'SELFIE' })], documentHistory: [current, ...replaced, makeDocument({ type: 'SELFIE' })] }));
    const passport = await screen.findByRole('region', { name: 'Passport' });
    expect(within(passport).getByRole('img').getAttribute('src')).toBe('/documents/p-3');
    expect(within(passport).queryByRole('group', { name: 'Passport revisions' })).toBeNull();
    const details = passport.querySelector('details[data-replaced-before-submission]') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Replaced before submission (2 earlier attempts)');
    const user = userEvent.setup();
    await user.click(details.querySelector('summary')!);
    await user.click(within(details).getByRole('button', { name: 'Revision 1' }));
    expect(within(passport).getByRole('img').getAttribute('src')).toBe('/documents/p-1');
    expect(within(passport).getByText(/Showing revision 1, replaced by the applicant before submitting/)).toBeTruthy();
  });
});

describe('wording', () => {
  it('never says "is resubmission requested"', () => {
    for (const phrase of Object.values(DOCUMENT_STATUS_PHRASE)) expect(`the ID card ${phrase}`).not.toMatch(/is resubmission requested/);
    expect(`while the ID card ${DOCUMENT_STATUS_PHRASE.RESUBMISSION_REQUESTED}`).toBe('while the ID card is flagged for resubmission');
    for (const s of ['IN_PROGRESS', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'RESUBMISSION_REQUESTED', 'AWAITING_SECOND_REVIEW'] as const) {
      expect(caseStatusSentence(s)).not.toMatch(/is resubmission requested|is needs|is in progress\./);
    }
    expect(caseStatusSentence('RESUBMISSION_REQUESTED')).toBe('This case waits for the applicant to re-take the requested photos.');
  });

  it('says how long a case has waited and whether it is past the SLA', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(waitingTime('2026-11-25T11:59:30Z', now)).toBe('waiting less than a minute');
    expect(waitingTime('2026-11-25T11:15:00Z', now)).toBe('waiting 45 min');
    expect(waitingTime('2026-11-25T09:00:00Z', now)).toBe('waiting 3 h');
    expect(waitingTime('2026-11-22T12:00:00Z', now)).toBe('waiting 3 days');
    expect(overSla('2026-11-24T11:59:00Z', now, 24 * 3600)).toBe(true);
    expect(overSla('2026-11-24T12:01:00Z', now, 24 * 3600)).toBe(false);
    expect(formatSla(24 * 3600)).toBe('24 h');
    expect(formatSla(90 * 60)).toBe('90 min');
  });
});
