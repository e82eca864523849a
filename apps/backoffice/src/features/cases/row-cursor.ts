import { useState, type KeyboardEvent, type RefObject } from 'react';
import { navigate } from '../../app/router';
import { useShortcut } from '../../app/shortcuts';

/** The case the cursor was last on, so that coming back from a case continues from it. */
let lastId: string | null = null;

/**
 * useRowCursor is the case list's keyboard cursor: J / K (shortcuts, so never while typing or in a
 * dialog) and ↓ / ↑ (while a row has focus) move real focus from row link to row link; Enter on
 * the link, or O, opens the case. The rows are a roving tabindex: only the cursor's link is in the
 * tab order, so Tab enters the table where the reviewer left it and leaves it in one step.
 *
 * The cursor follows a case id, so live updates that reorder the rows keep it on its case. If its
 * case leaves the page (decided elsewhere), the row now at the same position takes over; a new
 * filter or page starts without a cursor.
 */
export function useRowCursor(ids: readonly string[], page: string, body: RefObject<HTMLTableSectionElement | null>) {
  const [cursor, setCursor] = useState<{ id: string; index: number; page: string } | null>(() =>
    lastId ? { id: lastId, index: -1, page } : null,
  );

  const current = cursor?.page === page ? cursor : null;
  let index = current ? ids.indexOf(current.id) : -1;
  if (index < 0 && current && current.index >= 0 && ids.length) index = Math.min(current.index, ids.length - 1);
  const activeId = index >= 0 ? ids[index] : null;

  const select = (i: number) => {
    lastId = ids[i];
    setCursor({ id: ids[i], index: i, page });
  };

  const move = (to: number) => {
    if (!ids.length) return;
    const i = Math.max(0, Math.min(ids.length - 1, to));
    select(i);
    body.current?.rows[i]?.querySelector<HTMLElement>('.row-link')?.focus();
  };
  const down = () => move(index < 0 ? 0 : index + 1);
  const up = () => move(index < 0 ? 0 : index - 1);
  const open = () => {
    if (activeId) navigate(`cases/${encodeURIComponent(activeId)}`);
  };

  useShortcut('j', down);
  useShortcut('k', up);
  useShortcut('o', open);

  /** onKeyDown goes on each row's link: arrows move while the list has focus. */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault(); // not a page scroll: focus moves, and scrolls the row into view
      if (e.key === 'ArrowDown') down();
      else up();
    }
  };

  return {
    activeId,
    /** rowProps: the cursor's row, or the first one before any, is the one tab stop. */
    rowProps(id: string, i: number) {
      const active = activeId ? id === activeId : i === 0;
      return {
        active: id === activeId,
        tabIndex: active ? 0 : -1,
        onKeyDown,
        onFocus: () => {
          if (id !== activeId) select(i);
        },
      };
    },
  };
}
