import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ReviewersQuery as ReviewersData } from '../../gql/graphql';
import { useApiQuery } from '../../lib/api-context';
import { errorMessage } from '../../lib/error-copy';
import { ReviewersQuery } from './api/reviewers';

export type Reviewer = ReviewersData['reviewers'][number];

export const reviewerName = (r: { name: string; email: string }) => r.name || r.email;

/**
 * AssignMenu is a menu button (WAI-ARIA APG "menu button"): "Assign to…" opens a menu of the
 * other reviewers; arrows, Home/End and the first letter move, Enter/Space picks, Escape and Tab
 * close, and Escape or a pick gives focus back to the button. The reviewers are loaded once,
 * when the case view mounts, so the menu opens at once.
 */
export function AssignMenu({ meId, assigneeId, busy, onAssign }: {
  meId: string;
  assigneeId: string | null;
  busy: boolean;
  onAssign: (reviewer: Reviewer) => void;
}) {
  const { data, error, isFetching: loading, refetch } = useApiQuery(ReviewersQuery, {});
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const trigger = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  // A deactivated reviewer cannot sign in: no new cases for them.
  const others = (data?.reviewers ?? []).filter((r) => r.id !== meId && r.active);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };
  const openAt = (where: 'first' | 'last') => {
    setActive(where === 'first' ? 0 : Math.max(0, others.length - 1));
    setOpen(true);
    if (error) void refetch();
  };

  // The active item has focus while the menu is open (a roving tabindex inside the menu).
  useEffect(() => {
    if (open && others.length) items.current[Math.min(active, others.length - 1)]?.focus();
  }, [open, active, others.length]);

  // A click anywhere else closes it.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onTriggerKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(true);
    } else if (!busy && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      openAt(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const pick = (r: Reviewer) => {
    if (r.id === assigneeId) return;
    close(true);
    onAssign(r);
  };

  const onMenuKey = (e: KeyboardEvent) => {
    // Keys inside the menu belong to it: no single-key shortcut (A approves) fires from here.
    e.stopPropagation();
    const n = others.length;
    const move = (i: number) => {
      e.preventDefault();
      if (n) setActive(((i % n) + n) % n);
    };
    switch (e.key) {
      case 'Escape':
        e.preventDefault();
        close(true);
        return;
      case 'Tab':
        setOpen(false);
        return;
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(n - 1);
    }
    if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Type-ahead: the next reviewer whose name starts with that letter.
      const k = e.key.toLowerCase();
      for (let step = 1; step <= n; step++) {
        const i = (active + step) % n;
        if (reviewerName(others[i]).toLowerCase().startsWith(k)) return move(i);
      }
    }
  };

  return (
    <div className="menu-wrap" ref={root}>
      <button
        ref={trigger}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open && others.length ? menuId : undefined}
        // aria-disabled, not disabled, while an assignment is in flight: the button keeps focus.
        aria-disabled={busy || undefined}
        onClick={() => (open ? close(false) : !busy && openAt('first'))}
        onKeyDown={onTriggerKey}
      >
        Assign to… <span aria-hidden="true" className="menu-caret">▾</span>
      </button>
      {open && (
        // Catches the keys of the items (and of "Try again") as they bubble up.
        <div role="presentation" className="menu-popover" onKeyDown={onMenuKey}>
          {others.length > 0 ? (
            <ul id={menuId} role="menu" aria-label="Assign to" className="menu">
              {others.map((r, i) => {
                const current = r.id === assigneeId;
                const label = reviewerName(r);
                return (
                  <li key={r.id} role="none">
                    <button
                      ref={(el) => {
                        items.current[i] = el;
                      }}
                      type="button"
                      role="menuitem"
                      tabIndex={i === active ? 0 : -1}
                      className="menu-item"
                      aria-disabled={current || undefined}
                      aria-labelledby={`${menuId}-${i}-name`}
                      aria-describedby={`${menuId}-${i}-sub`}
                      onClick={() => pick(r)}
                      onMouseMove={() => i !== active && setActive(i)}
                    >
                      <span id={`${menuId}-${i}-name`} className="menu-item-name">
                        {label}
                      </span>
                      <span id={`${menuId}-${i}-sub`} className="menu-item-sub">
                        {current ? 'Assignee now' : ''}
                        {current && r.name ? ' · ' : ''}
                        {r.name ? r.email : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : (
            <div className="menu-message">
              {loading ? (
                <p role="status">Loading reviewers…</p>
              ) : error ? (
                <>
                  <p role="alert">The reviewers could not be loaded. {errorMessage(error)}</p>
                  <button type="button" className="button" onClick={() => void refetch()}>
                    Try again
                  </button>
                </>
              ) : (
                <p role="status">There is no other reviewer to assign this case to.</p>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
