import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../../testing/fixtures';
import { eventDetails, Timeline } from './timeline';

describe('timeline', () => {
  it('says when the audit chain verifies', () => {
    const c = makeCase();
    render(<Timeline events={c.events} chain={c.auditChain} />);
    expect(screen.getByText('Audit chain verified').getAttribute('title')).toMatch(/all 3 events verify/i);
  });

  it('names a broken chain and marks its first broken event', () => {
    const c = makeCase({
      auditChain: { valid: false, checkedEvents: 2, firstBrokenEventId: 'ev-s', detail: "event #2's hash does not match its content" },
    });
    const { container } = render(<Timeline events={c.events} chain={c.auditChain} />);
    expect(screen.getByRole('status').textContent).toBe("Audit chain broken: event #2's hash does not match its content");
    const broken = container.querySelectorAll('li[data-broken]');
    expect(broken).toHaveLength(1);
    expect(broken[0]?.getAttribute('data-event-type')).toBe('STATE_CHANGED');
    expect(screen.queryByText('Audit chain verified')).toBeNull();
  });

  it('says who erased a case, why and how many photos went; and what retention deleted', () => {
    const ev = (type: string, actor: string, data: unknown) => ({
      id: `ev-${type}`, type, actor, fromState: null, toState: null, data: JSON.stringify(data), hash: 'd4'.repeat(32), createdAt: '2026-11-27T10:00:00Z',
    });
    const erased = ev('APPLICANT_ERASED', 'reviewer:rita@example.com', { reason: 'GDPR Art. 17, ticket 1234', documents: 3 });
    const purged = ev('DOCUMENTS_PURGED', 'system', { rule: 'decided', documents: 1 });
    const unsubmitted = ev('DOCUMENTS_PURGED', 'system', { rule: 'unsubmitted', documents: 2 });
    expect(eventDetails(erased)).toBe('“GDPR Art. 17, ticket 1234” · 3 photos deleted');
    expect(eventDetails(purged)).toBe('retention period after the decision ended · 1 photo deleted');
    expect(eventDetails(unsubmitted)).toBe('never submitted: photos and applicant details · 2 photos deleted');
    const c = makeCase();
    render(<Timeline events={[...c.events, purged, erased]} chain={c.auditChain} />);
    const item = document.querySelector('li[data-event-type="APPLICANT_ERASED"]')!;
    expect(item.textContent).toMatch(/^Applicant data erased/);
    expect(item.textContent).toContain('rita@example.com · “GDPR Art. 17, ticket 1234” · 3 photos deleted');
    expect(document.querySelector('li[data-event-type="DOCUMENTS_PURGED"]')!.textContent).toMatch(/^Photos deleted \(retention\).*System · retention period/);
  });
});
