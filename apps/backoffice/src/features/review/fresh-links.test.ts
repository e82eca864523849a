import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { linkExpiry, useFreshLinks } from './fresh-links';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const HOUR = 3_600_000;
const link = (expMs: number, id = 'd1') => `/documents/${id}?exp=${expMs / 1000}&sig=abc`;

describe('useFreshLinks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('reads the expiry of a signed link', () => {
    expect(linkExpiry(link(T0))).toBe(T0);
    expect(linkExpiry('/documents/d1')).toBeNull();
    expect(linkExpiry('/documents/d1?sig=x')).toBeNull();
  });

  it('refreshes five minutes before the first link expires, once per expiry', () => {
    const refresh = vi.fn(async () => {});
    const { rerender } = renderHook(({ urls }) => useFreshLinks(urls, refresh), {
      initialProps: { urls: [link(T0 + 13 * HOUR), link(T0 + 12 * HOUR, 'd2')] },
    });
    vi.advanceTimersByTime(12 * HOUR - 5 * 60_000 - 1);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);

    // The server answered with the same links: no second refresh, no loop.
    rerender({ urls: [link(T0 + 13 * HOUR), link(T0 + 12 * HOUR, 'd2')] });
    vi.advanceTimersByTime(2 * HOUR);
    expect(refresh).toHaveBeenCalledTimes(1);

    // Fresh links: the next refresh is scheduled from them.
    rerender({ urls: [link(T0 + 26 * HOUR)] });
    vi.advanceTimersByTime(12 * HOUR);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('catches up when the tab comes back after the computer slept', () => {
    const refresh = vi.fn(async () => {});
    renderHook(() => useFreshLinks([link(T0 + 12 * HOUR)], refresh));
    vi.setSystemTime(T0 + 20 * HOUR); // the clock moved on, the timer did not fire
    window.dispatchEvent(new Event('focus'));
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(12 * HOUR);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('leaves links that arrive already expired (a skewed clock) to the image’s own retry', () => {
    const refresh = vi.fn(async () => {});
    renderHook(() => useFreshLinks([link(T0 - HOUR)], refresh));
    vi.advanceTimersByTime(24 * HOUR);
    window.dispatchEvent(new Event('focus'));
    expect(refresh).not.toHaveBeenCalled();
  });
});
