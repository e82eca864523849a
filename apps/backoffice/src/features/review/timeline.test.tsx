import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../../testing/fixtures';
import { Timeline } from './timeline';

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
});
