import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseDetailFragment } from '../../gql/graphql';
import { connection, listItem, makeCase, makeDocument, ME } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

// The automatic photo checks in the backoffice (issue 13): badges per document, the case list's
// summary, the approval confirmation, and the link to the other case of a duplicate.

const blurry = makeDocument({
  checks: [
    { name: 'RESOLUTION', outcome: 'PASS', score: 1200, detail: null, relatedCaseId: null },
    { name: 'SHARPNESS', outcome: 'WARN', score: 0.7, detail: 'The photo looks blurred.', relatedCaseId: null },
    { name: 'DUPLICATE_ELSEWHERE', outcome: 'WARN', score: 2, detail: 'The same photo is in another case.', relatedCaseId: 'case-9' },
  ],
});
const dark = makeDocument({
  type: 'SELFIE',
  checks: [{ name: 'EXPOSURE', outcome: 'FAIL', score: 0.03, detail: 'The photo is too dark.', relatedCaseId: null }],
});
const good = makeDocument({ type: 'SELFIE', checks: [{ name: 'SHARPNESS', outcome: 'PASS', score: 3, detail: null, relatedCaseId: null }] });

function open(c: CaseDetailFragment) {
  return renderApp(`cases/${c.id}`, {
    GetCase: () => ({ node: { __typename: 'Case', ...c } }),
    Reviewers: () => ({ reviewers: [ME] }),
    DecideCase: () => ({ decideCase: { ...c, status: 'APPROVED', version: c.version + 1, availableDecisions: [] } }),
  });
}

describe('photo check badges', () => {
  it('show each warning and failure with its detail for screen readers, on tap, and on hover; passes stay quiet', async () => {
    open(makeCase({ documents: [blurry, dark] }));
    const passport = await screen.findByRole('region', { name: 'Passport' });
    const list = within(passport).getByRole('list', { name: 'Automatic checks' });
    const badges = within(list).getAllByRole('button');
    expect(badges.map((b) => b.textContent)).toEqual(['!Sharpness: warning', '!Same photo in another case: warning']);
    expect(within(passport).queryByText(/Resolution/)).toBeNull();
    const sharp = within(list).getByRole('button', { name: /Sharpness: warning/ });
    expect(sharp.getAttribute('title')).toBe('The photo looks blurred.');
    // The detail is the badge's description (read by screen readers), shown on tap.
    const detail = document.getElementById(sharp.getAttribute('aria-describedby')!)!;
    expect(detail.textContent).toBe('The photo looks blurred.');
    expect(detail.className).toBe('visually-hidden');
    await userEvent.setup().click(sharp);
    expect(sharp.getAttribute('aria-expanded')).toBe('true');
    expect(detail.className).toBe('check-detail');
    expect(sharp.className).toContain('check-warn');

    const selfie = screen.getByRole('region', { name: 'Selfie' });
    const fail = within(selfie).getByRole('button', { name: /Exposure: failed/ });
    expect(fail.className).toContain('check-fail');
  });

  it('link a duplicate to the other case', async () => {
    open(makeCase({ documents: [blurry, good] }));
    const passport = await screen.findByRole('region', { name: 'Passport' });
    expect(within(passport).getByRole('link', { name: 'Open the other case' }).getAttribute('href')).toBe('/backoffice/cases/case-9');
    expect(within(screen.getByRole('region', { name: 'Selfie' })).getByText('Automatic checks passed')).toBeTruthy();
  });
});

describe('approving over check findings', () => {
  it('lists the findings and needs an explicit confirmation', async () => {
    const { client } = open(makeCase({ documents: [blurry, dark] }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve case' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve case' });
    const items = within(dialog).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Selfie — Exposure failed: The photo is too dark.',
      'Passport — Sharpness warning: The photo looks blurred.',
      'Passport — Same photo in another case warning: The same photo is in another case.',
    ]);
    expect(within(dialog).getByText(/flagged 3 findings on the current photos/)).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    const box = within(dialog).getByRole('checkbox', { name: 'I have looked at these photos myself and approve anyway' });
    expect(document.activeElement).toBe(box);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Confirm that you have looked at the flagged photos yourself.')).toBeTruthy();
    expect(client.callsOf('DecideCase')).toEqual([]);

    await user.click(box);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(client.callsOf('DecideCase')).toHaveLength(1));
  });

  it('asks nothing more when every check passed', async () => {
    const { client } = open(makeCase({ documents: [makeDocument({ checks: [] }), good] }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve case' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve case' });
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(client.callsOf('DecideCase')).toHaveLength(1));
  });
});

describe('case list', () => {
  it('sums up the check findings of each case ("2 warnings"), nothing when all passed', async () => {
    renderApp('', {
      ListCases: () =>
        connection([
          listItem({ id: 'c1', checkSummary: { warnings: 2, fails: 0 } }),
          listItem({ id: 'c2', applicant: { firstName: 'Grace', lastName: 'Hopper', email: null }, checkSummary: { warnings: 1, fails: 1 } }),
          listItem({ id: 'c3', applicant: { firstName: 'Alan', lastName: 'Turing', email: null } }),
        ]),
    });
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0].querySelector('[data-check-summary]')?.textContent).toBe('Photo checks: 2 warnings');
    expect(rows[1].querySelector('[data-check-summary]')?.textContent).toBe('Photo checks: 1 failed, 1 warning');
    expect(rows[1].querySelector('[data-check-summary]')?.className).toContain('case-checks-fail');
    expect(rows[2].querySelector('[data-check-summary]')).toBeNull();
  });
});
