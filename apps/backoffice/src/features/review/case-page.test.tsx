import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KycError } from '@kyc/sdk/errors';
import type { CaseDetailFragment } from '../../gql/graphql';
import type { FakeClient } from '../../testing/fake-client';
import { makeCase, makeDocument, ME, OTHER } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

function open(c: CaseDetailFragment, handlers: FakeClient['handlers'] = {}) {
  let current = c;
  const result = renderApp(`cases/${c.id}`, {
    GetCase: () => ({ node: { __typename: 'Case', ...current } }),
    Reviewers: () => ({ reviewers: REVIEWERS }),
    ...handlers,
  });
  return { ...result, setServerCase: (next: CaseDetailFragment) => (current = next) };
}

const CARLA = { id: 'rev-3', email: 'carla@example.com', name: 'Carla Checker', role: 'REVIEWER' as const, active: true };
const REVIEWERS = [OTHER, CARLA, ME]; // the server sorts by name

const caseBar = () => screen.getByRole('region', { name: 'Case decision' });
const button = (name: string, within_: HTMLElement = caseBar()) => within(within_).getByRole('button', { name }) as HTMLButtonElement;

describe('case view', () => {
  it('shows the applicant, each document in a region named by its type, the timeline and notes', async () => {
    open(makeCase());
    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
    const passport = screen.getByRole('region', { name: 'Passport' });
    const selfie = screen.getByRole('region', { name: 'Selfie' });
    for (const region of [passport, selfie]) {
      for (const name of ['Approve document', 'Request resubmission', 'Reject document']) expect(button(name, region).disabled).toBe(false);
    }
    expect(within(passport).getByRole('img', { name: 'Passport, revision 1' }).getAttribute('src')).toBe('/documents/doc-passport?exp=1&sig=abc');
    expect(within(passport).getByRole('link', { name: /Open in new tab/ }).getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('heading', { name: 'Timeline' })).toBeTruthy();
    expect(within(screen.getByRole('heading', { name: 'Timeline' }).closest('section')!).getAllByRole('listitem')).toHaveLength(3);
    const timeline = screen.getByRole('heading', { name: 'Timeline' }).closest('section')!;
    const user = userEvent.setup();
    await user.click(within(timeline).getByLabelText(/Show step changes/));
    expect(within(timeline).queryAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Notes' })).toBeTruthy();
    expect(document.title).toBe('Ada Lovelace · Pending review · KYC Review');
    expect(document.querySelector('[data-status="PENDING_REVIEW"]')?.textContent).toBe('Pending review');
  });

  it('approves after a confirmation, sending the version on screen, then offers the next case', async () => {
    const { client } = open(makeCase(), {
      DecideCase: () => ({ decideCase: makeCase({ status: 'APPROVED', version: 8, availableDecisions: [], assignee: ME }) }),
      NextCase: () => ({ cases: { edges: [{ node: { id: 'case-1', assignee: null } }, { node: { id: 'case-x', assignee: OTHER } }, { node: { id: 'case-2', assignee: null } }] } }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve case' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve case' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsOf('DecideCase')).toEqual([
      { input: { caseId: 'case-1', decision: 'APPROVE', reason: null, documents: null, expectedVersion: 7 } },
    ]);
    expect(screen.getByText('Case approved.')).toBeTruthy();
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('APPROVED');
    expect(button('Approve case').disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Next case' }));
    await waitFor(() => expect(location.pathname).toBe('/backoffice/cases/case-2'));
  });

  it('keeps approve disabled, with the reason, while a document is flagged', async () => {
    open(makeCase({
      availableDecisions: ['REJECT', 'REQUEST_RESUBMISSION'],
      documents: [makeDocument(), makeDocument({ type: 'SELFIE', status: 'RESUBMISSION_REQUESTED', reason: 'Blurry image' })],
    }));
    const approve = await screen.findByRole('button', { name: 'Approve case' });
    expect((approve as HTMLButtonElement).disabled).toBe(true);
    const why = document.getElementById(approve.getAttribute('aria-describedby')!)!;
    // Issue 14: a status label is no predicate ("the Selfie is resubmission requested").
    expect(why.textContent).toMatch(/the Selfie is flagged for resubmission/);
    expect(why.textContent).not.toMatch(/is resubmission requested/);
    expect(button('Reject case').disabled).toBe(false);
  });

  it('needs a reason to reject; suspected fraud shows the applicant a neutral wording and goes to a team note', async () => {
    const { client } = open(makeCase(), {
      DecideCase: () => ({ decideCase: makeCase({ status: 'REJECTED', version: 8, availableDecisions: [] }) }),
      AddNote: () => ({ addNote: { id: 'n1', body: 'x', createdAt: '2026-11-25T10:05:00Z', author: ME } }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Reject case' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject case' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(within(dialog).getByText('Choose a reason.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Reason'));
    expect(client.callsOf('DecideCase')).toHaveLength(0);

    const options = within(within(dialog).getByLabelText('Reason')).getAllByRole('option').map((o) => o.textContent);
    expect(options.slice(1)).toEqual([
      'Selfie does not match the document',
      'Expired document',
      'Identity could not be verified',
      'Suspected fraud (the applicant is not told)',
      'Other',
    ]);
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Suspected fraud (the applicant is not told)');
    expect(dialog.querySelector('[data-applicant-wording]')?.textContent).toMatch(/The applicant reads: “?We could not verify your identity/);
    await user.type(within(dialog).getByLabelText('Note for the team'), 'Photo of a screen');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(client.callsOf('DecideCase')).toHaveLength(1));
    expect(client.callsOf('DecideCase')[0].input).toMatchObject({ decision: 'REJECT', reason: null, reasonCode: 'UNABLE_TO_VERIFY', expectedVersion: 7 });
    expect(JSON.stringify(client.callsOf('DecideCase')[0])).not.toMatch(/fraud|screen/i);
    await waitFor(() => expect(client.callsOf('AddNote')).toEqual([{ input: { caseId: 'case-1', body: 'Suspected fraud: Photo of a screen' } }]));
  });

  it('flags one document for resubmission with a reason', async () => {
    const { client } = open(makeCase(), {
      DecideDocument: () => ({ decideDocument: makeCase({ version: 8, assignee: ME }) }),
    });
    const user = userEvent.setup();
    const selfie = await screen.findByRole('region', { name: 'Selfie' });
    await user.click(button('Request resubmission', selfie));
    const dialog = screen.getByRole('dialog');
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Blurry photo');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(client.callsOf('DecideDocument')).toEqual([
      { input: { documentId: 'doc-selfie', decision: 'REQUEST_RESUBMISSION', reason: null, reasonCode: 'BLURRY', expectedVersion: 7 } },
    ]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the back of an ID card as its own panel, decided on its own', async () => {
    const front = makeDocument({ id: 'doc-front', type: 'ID_CARD', side: 'FRONT' });
    const back = makeDocument({ id: 'doc-back', type: 'ID_CARD', side: 'BACK', url: '/documents/doc-back?exp=1&sig=abc' });
    const selfie = makeDocument({ type: 'SELFIE' });
    const { client } = open(makeCase({ selectedDocumentType: 'ID_CARD', documents: [back, front, selfie] }), {
      DecideDocument: () => ({ decideDocument: makeCase({ version: 8, assignee: ME, selectedDocumentType: 'ID_CARD', documents: [front, { ...back, status: 'RESUBMISSION_REQUESTED', reason: 'Blurry image' }, selfie] }) }),
    });
    const user = userEvent.setup();
    const backPanel = await screen.findByRole('region', { name: 'ID card (back)' });
    expect(screen.getByRole('region', { name: 'ID card' })).toBeTruthy();
    // the front comes first even when the back was uploaded first
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby') && document.getElementById(r.getAttribute('aria-labelledby')!)?.textContent).filter((n) => n?.startsWith('ID card'))).toEqual(['ID card', 'ID card (back)']);
    expect(within(backPanel).getByRole('img', { name: 'ID card (back), revision 1' }).getAttribute('src')).toBe('/documents/doc-back?exp=1&sig=abc');
    await user.click(button('Request resubmission', backPanel));
    const dialog = screen.getByRole('dialog');
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Blurry photo');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(client.callsOf('DecideDocument')).toEqual([
      { input: { documentId: 'doc-back', decision: 'REQUEST_RESUBMISSION', reason: null, reasonCode: 'BLURRY', expectedVersion: 7 } },
    ]));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'ID card (back)' })).getByText(/Blurry image/)).toBeTruthy());
    expect(within(screen.getByRole('region', { name: 'ID card' })).queryByText(/Blurry image/)).toBeNull();
  });

  it('requests resubmission of the case: flagged documents are included, others can be picked', async () => {
    const { client } = open(makeCase({
      availableDecisions: ['REJECT', 'REQUEST_RESUBMISSION'],
      documents: [makeDocument(), makeDocument({ type: 'SELFIE', status: 'REJECTED', reason: 'Suspected fraud' })],
    }), {
      DecideCase: () => ({ decideCase: makeCase({ status: 'RESUBMISSION_REQUESTED', version: 8, availableDecisions: [] }) }),
    });
    const user = userEvent.setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Case decision' })).findByRole('button', { name: 'Request resubmission' }));
    const dialog = screen.getByRole('dialog', { name: 'Request resubmission' });
    const selfieBox = within(dialog).getByRole('checkbox', { name: /Selfie/ }) as HTMLInputElement;
    expect(selfieBox.checked && selfieBox.disabled).toBe(true);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Passport' }));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(within(dialog).getByText('Choose a reason.')).toBeTruthy();
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Expired document');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(client.callsOf('DecideCase')).toHaveLength(1));
    expect(client.callsOf('DecideCase')[0].input).toEqual({
      caseId: 'case-1',
      decision: 'REQUEST_RESUBMISSION',
      reason: null,
      documents: [
        { documentId: 'doc-selfie', reason: 'Suspected fraud' },
        { documentId: 'doc-passport', reason: '', reasonCode: 'EXPIRED' },
      ],
      expectedVersion: 7,
    });
  });

  it('on CONFLICT reloads the case and says what changed', async () => {
    const { client, setServerCase } = open(makeCase(), {
      DecideCase: () => {
        setServerCase(makeCase({ version: 9, status: 'APPROVED', assignee: OTHER, availableDecisions: [] }));
        throw new KycError('CONFLICT', 'the case changed');
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve case' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This case changed while you were looking at it: the status is now Approved; it is now assigned to Bob Builder. Review it again.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.callsOf('GetCase')).toHaveLength(2);
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('APPROVED');
  });

  it('shows other refusals inside the dialog and keeps it open', async () => {
    open(makeCase(), {
      DecideCase: () => {
        throw new KycError('FORBIDDEN', 'this case is assigned to another reviewer');
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve case' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm' }));
    const alert = await within(screen.getByRole('dialog')).findByRole('alert');
    expect(alert.textContent).toMatch(/assigned to another reviewer/);
  });

  it('locks decisions on a case assigned to someone else until it is assigned to me', async () => {
    const { client } = open(makeCase({ assignee: OTHER }), {
      AssignCase: () => ({ assignCase: makeCase({ assignee: ME, version: 8 }) }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(button('Approve case').disabled).toBe(true);
    expect(screen.getByText(/Assigned to Bob Builder\. Only the assignee decides/)).toBeTruthy();
    expect(button('Approve document', screen.getByRole('region', { name: 'Passport' })).disabled).toBe(true);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    await waitFor(() => expect(button('Approve case').disabled).toBe(false));
    expect(client.callsOf('AssignCase')).toEqual([{ input: { caseId: 'case-1' } }]);
    expect(screen.getByRole('button', { name: 'Unassign' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();
  });

  it('live: another reviewer’s change arrives over caseUpdated and is announced', async () => {
    const { client } = open(makeCase());
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(client.subscriptions('CaseUpdated')[0].variables).toEqual({ caseId: 'case-1' });
    act(() => client.emit('CaseUpdated', { caseUpdated: makeCase({ version: 8, assignee: OTHER }) }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed while you were looking at it: it is now assigned to Bob Builder/);
    // An older or equal version is ignored.
    act(() => client.emit('CaseUpdated', { caseUpdated: makeCase({ version: 8, status: 'APPROVED' }) }));
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('PENDING_REVIEW');
  });

  it('warns inside an open dialog when the case changes under it, then explains the refusal', async () => {
    const { client } = open(makeCase(), {
      DecideCase: () => {
        throw new KycError('CONFLICT', 'stale');
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Reject case' }));
    act(() => client.emit('CaseUpdated', { caseUpdated: makeCase({ version: 8, documents: [makeDocument({ status: 'REJECTED' }), makeDocument({ type: 'SELFIE' })] }) }));
    const dialog = screen.getByRole('dialog', { name: 'Reject case' });
    // One alert at a time: the dialog's own.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(within(dialog).getByRole('alert').textContent).toMatch(/changed while you were looking at it: the Passport is now rejected/);
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'Other');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(within(dialog).getByText('Write the reason for the applicant.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Message to the applicant'), 'Mismatch');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    // The decision carried the version the dialog was opened on.
    expect(client.callsOf('DecideCase')[0].input).toMatchObject({ expectedVersion: 7, reason: 'Mismatch', reasonCode: 'OTHER' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('alert').textContent).toMatch(/^This case changed while you were looking at it/);
  });

  it('shows earlier revisions of a document', async () => {
    const current = makeDocument({ type: 'SELFIE', id: 'selfie-2', revision: 2, url: '/documents/selfie-2' });
    const old = makeDocument({ type: 'SELFIE', id: 'selfie-1', revision: 1, status: 'RESUBMISSION_REQUESTED', reason: 'Blurry image', url: '/documents/selfie-1' });
    open(makeCase({ revision: 2, documents: [makeDocument(), current], documentHistory: [current, old, makeDocument()] }));
    const selfie = await screen.findByRole('region', { name: 'Selfie' });
    const user = userEvent.setup();
    await user.click(within(selfie).getByRole('button', { name: 'Revision 1' }));
    expect(within(selfie).getByRole('img').getAttribute('src')).toBe('/documents/selfie-1');
    expect(within(selfie).getByText(/Showing earlier revision 1 \(resubmission requested: Blurry image\)/)).toBeTruthy();
    expect(within(selfie).getByRole('button', { name: 'Revision 2 (current)' }).getAttribute('aria-pressed')).toBe('false');
    // One element says "Revision 2" (e2e: passport.getByText('Revision 2')).
    expect(within(selfie).getAllByText(/Revision 2/)).toHaveLength(1);
    expect(within(screen.getByRole('region', { name: 'Passport' })).getAllByText(/Revision 1/)).toHaveLength(1);
  });

  it('adds a note and reloads the case', async () => {
    const { client, setServerCase } = open(makeCase(), {
      AddNote: (v) => {
        setServerCase(makeCase({ version: 8, notes: [{ id: 'n1', body: v.input.body, createdAt: '2026-11-25T11:00:00Z', author: ME }] }));
        return { addNote: { id: 'n1' } };
      },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Note'), 'Called the applicant');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('Called the applicant', { selector: '.note-body' })).toBeTruthy();
    expect(client.callsOf('AddNote')).toEqual([{ input: { caseId: 'case-1', body: 'Called the applicant' } }]);
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('');
  });

  it('has keyboard shortcuts that can be turned off in the help', async () => {
    open(makeCase());
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    const user = userEvent.setup();
    await user.keyboard('a');
    expect(screen.getByRole('dialog', { name: 'Approve case' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(document.body);

    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(within(help).getByLabelText('Single-key shortcuts'));
    await user.click(within(help).getByRole('button', { name: 'Close' }));
    await user.keyboard('a');
    expect(screen.queryByRole('dialog')).toBeNull();
    // Typing in a field never triggers a shortcut.
    fireEvent.keyDown(screen.getByLabelText('Note'), { key: 'r' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when no other case is waiting', async () => {
    open(makeCase(), {
      DecideCase: () => ({ decideCase: makeCase({ status: 'APPROVED', version: 8, availableDecisions: [] }) }),
      NextCase: () => ({ cases: { edges: [{ node: { id: 'case-1', assignee: null } }, { node: { id: 'case-9', assignee: OTHER } }] } }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve case' }));
    await user.keyboard('{Enter}'); // Confirm has the focus in the approve dialog
    await user.click(await screen.findByRole('button', { name: 'Next case' }));
    expect(await screen.findByText('No other case is waiting for review.')).toBeTruthy();
    expect(location.pathname).toBe('/backoffice/cases/case-1');
  });

  it('refetches the case once for fresh image links when an image fails, keeping the dialog, comment and zoom', async () => {
    const { client, setServerCase } = open(makeCase());
    const passport = await screen.findByRole('region', { name: 'Passport' });
    const user = userEvent.setup();
    await user.click(button('Zoom in', passport));
    await user.click(button('Rotate', passport));
    await user.click(button('Reject case'));
    const dialog = screen.getByRole('dialog', { name: 'Reject case' });
    await user.type(within(dialog).getByLabelText('Message to the applicant'), 'Looks edited');

    // Hours later the link has expired; the server signs a new one.
    const fresh = '/documents/doc-passport?exp=2&sig=new';
    setServerCase(makeCase({ documents: [makeDocument({ url: fresh }), makeDocument({ type: 'SELFIE' })] }));
    fireEvent.error(passport.querySelector('img')!);
    await waitFor(() => expect(passport.querySelector('img')?.getAttribute('src')).toBe(fresh));
    expect(client.callsOf('GetCase')).toHaveLength(2);
    expect(screen.getByRole('dialog', { name: 'Reject case' })).toBe(dialog);
    expect((within(dialog).getByLabelText('Message to the applicant') as HTMLTextAreaElement).value).toBe('Looks edited');
    expect(within(passport).getByLabelText('Zoom level').textContent).toBe('125 %');
    expect(passport.querySelector('img')!.style.transform).toBe('translate(0px, 0px) scale(1.25) rotate(90deg)');

    // It fails again: a message in place of the image, and no further refetch.
    fireEvent.error(passport.querySelector('img')!);
    expect(within(passport).getByRole('alert').textContent).toMatch(/^This image could not be loaded\./);
    expect(passport.querySelector('img')).toBeNull();
    await act(async () => {});
    expect(client.callsOf('GetCase')).toHaveLength(2);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(button('Retry', passport));
    await waitFor(() => expect(client.callsOf('GetCase')).toHaveLength(3));
    await waitFor(() => expect(within(passport).getByRole('img', { name: 'Passport, revision 1' }).getAttribute('src')).toBe(fresh));
    expect(within(passport).queryByRole('alert')).toBeNull();
  });

  it('asks once for fresh links when several images fail together', async () => {
    const { client } = open(makeCase());
    await screen.findByRole('region', { name: 'Passport' });
    for (const img of screen.getAllByRole('img')) fireEvent.error(img);
    await waitFor(() => expect(client.callsOf('GetCase')).toHaveLength(2));
    await act(async () => {});
    for (const img of screen.getAllByRole('img')) fireEvent.error(img);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      expect.stringMatching(/^This image could not be loaded/),
      expect.stringMatching(/^This image could not be loaded/),
    ]);
    expect(client.callsOf('GetCase')).toHaveLength(2);
  });

  it('says when a case does not exist', async () => {
    renderApp('cases/nope', { GetCase: () => ({ node: null }) });
    expect(await screen.findByRole('heading', { name: 'Case not found' })).toBeTruthy();
  });
  describe('assign to…', () => {
    const assignee = () => document.querySelector('.case-meta strong')?.textContent;

    it('lists the other reviewers and assigns the case to the one picked', async () => {
      const { client } = open(makeCase(), {
        AssignCase: (v) => ({ assignCase: makeCase({ version: 8, assignee: v.input.reviewerId === CARLA.id ? CARLA : OTHER }) }),
      });
      await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
      expect(assignee()).toBe('nobody');
      const user = userEvent.setup();
      const trigger = screen.getByRole('button', { name: 'Assign to…' });
      expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
      await user.click(trigger);
      expect(trigger.getAttribute('aria-expanded')).toBe('true');
      const menu = screen.getByRole('menu', { name: 'Assign to' });
      const items = within(menu).getAllByRole('menuitem');
      // Everyone but me, by name, with the email as the description.
      expect(items.map((i) => i.textContent)).toEqual(['Bob Builderbob@example.com', 'Carla Checkercarla@example.com']);
      expect(within(menu).getByRole('menuitem', { name: 'Carla Checker', description: 'carla@example.com' })).toBeTruthy();
      expect(document.activeElement).toBe(items[0]);

      await user.click(within(menu).getByRole('menuitem', { name: 'Carla Checker' }));
      await waitFor(() => expect(assignee()).toBe('Carla Checker'));
      expect(client.callsOf('AssignCase')).toEqual([{ input: { caseId: 'case-1', reviewerId: 'rev-3' } }]);
      expect(screen.getByText('Assigned to Carla Checker.').getAttribute('role')).toBe('status');
      expect(screen.queryByRole('menu')).toBeNull();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Assign to…' }));
      // Someone else's case now: decisions wait for the assignee, and I can still take it over.
      expect(button('Approve case').disabled).toBe(true);
      expect(screen.getByRole('button', { name: 'Assign to me' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Unassign' })).toBeNull();
    });

    it('works from the keyboard; Escape closes and gives focus back; letters are not shortcuts there', async () => {
      const { client } = open(makeCase({ assignee: ME }), {
        AssignCase: () => ({ assignCase: makeCase({ version: 8, assignee: OTHER }) }),
      });
      await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
      const user = userEvent.setup();
      const trigger = screen.getByRole('button', { name: 'Assign to…' });
      trigger.focus();
      await user.keyboard('{ArrowDown}');
      const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
      expect(document.activeElement).toBe(items[0]);
      await user.keyboard('{ArrowDown}');
      expect(document.activeElement).toBe(items[1]);
      await user.keyboard('{ArrowDown}');
      expect(document.activeElement).toBe(items[0]);
      await user.keyboard('{End}');
      expect(document.activeElement).toBe(items[1]);
      await user.keyboard('b'); // type-ahead, not a shortcut
      expect(document.activeElement).toBe(items[0]);
      await user.keyboard('a'); // "A" approves elsewhere; not from inside the menu
      expect(screen.queryByRole('dialog')).toBeNull();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('menu')).toBeNull();
      expect(document.activeElement).toBe(trigger);
      expect(trigger.getAttribute('aria-expanded')).toBe('false');
      expect(client.callsOf('AssignCase')).toHaveLength(0);

      await user.keyboard('{Enter}');
      expect(document.activeElement).toBe(within(screen.getByRole('menu')).getAllByRole('menuitem')[0]);
      await user.keyboard('{Enter}');
      await waitFor(() => expect(assignee()).toBe('Bob Builder'));
      expect(client.callsOf('AssignCase')).toEqual([{ input: { caseId: 'case-1', reviewerId: 'rev-2' } }]);
      // The reviewers were loaded once for this case view.
      expect(client.callsOf('Reviewers')).toHaveLength(1);
    });

    it('marks the current assignee, and picking them does nothing', async () => {
      const { client } = open(makeCase({ assignee: OTHER }));
      await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: 'Assign to…' }));
      const bob = within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Bob Builder' });
      expect(bob.getAttribute('aria-disabled')).toBe('true');
      expect(bob.textContent).toMatch(/Assignee now/);
      await user.click(bob);
      expect(client.callsOf('AssignCase')).toHaveLength(0);
    });

    it('shows an error when the assignment fails, and keeps the assignee', async () => {
      open(makeCase(), {
        AssignCase: () => {
          throw new KycError('FORBIDDEN', 'reviewers only');
        },
      });
      await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: 'Assign to…' }));
      await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Bob Builder' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe('You are not allowed to do this. The case may be assigned to another reviewer. (reviewers only)');
      expect(assignee()).toBe('nobody');
    });

    it('says when the reviewers cannot be loaded, and tries again', async () => {
      let fail = true;
      const { client } = open(makeCase(), {
        Reviewers: () => {
          if (fail) throw new KycError('NETWORK', 'offline');
          return { reviewers: REVIEWERS };
        },
      });
      await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
      await waitFor(() => expect(client.callsOf('Reviewers')).toHaveLength(1));
      const user = userEvent.setup();
      fail = true;
      const trigger = screen.getByRole('button', { name: 'Assign to…' });
      await user.click(trigger); // opening after a failure asks again
      expect((await screen.findByRole('alert')).textContent).toMatch(/The reviewers could not be loaded\. The server cannot be reached/);
      expect(screen.queryByRole('menu')).toBeNull();
      fail = false;
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('menuitem', { name: 'Bob Builder' })).toBeTruthy();
    });
  });
});
