import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

// Issue 14 item 7: Esc on a dialog opened by a keyboard shortcut gives focus back to the element
// that had it, not to the page body.
describe('dialogs opened by a shortcut', () => {
  it.each([
    ['x', 'Reject case'],
    ['r', 'Request resubmission'],
    ['a', 'Approve case'],
  ])('%s opens %s; Escape returns focus to where it was', async (key, title) => {
    const c = makeCase();
    renderApp(`cases/${c.id}`, { GetCase: () => ({ node: { __typename: 'Case', ...c } }), Reviewers: () => ({ reviewers: [] }) });
    const passport = await screen.findByRole('region', { name: 'Passport' });
    const where = within(passport).getByRole('button', { name: 'Approve document' });
    where.focus();
    const user = userEvent.setup();
    await user.keyboard(key);
    const dialog = await screen.findByRole('dialog', { name: title });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(where));
  });

  it('the help (?) gives focus back too', async () => {
    const c = makeCase();
    renderApp(`cases/${c.id}`, { GetCase: () => ({ node: { __typename: 'Case', ...c } }), Reviewers: () => ({ reviewers: [] }) });
    const where = await screen.findByRole('button', { name: /Reject case/ });
    where.focus();
    const user = userEvent.setup();
    await user.keyboard('?');
    await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(where));
  });
});
