import { createContext, useContext, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react';
import { Dialog } from '../components/dialog';

const STORAGE_KEY = 'backoffice.shortcuts';

interface Shortcuts {
  /** enabled: single-key shortcuts are on (WCAG 2.1.4: the reviewer can turn them off). */
  enabled: boolean;
  setEnabled(on: boolean): void;
  openHelp(): void;
}

const ShortcutsContext = createContext<Shortcuts>({ enabled: false, setEnabled: () => {}, openHelp: () => {} });

export const SHORTCUTS: ReadonlyArray<{ keys: string; does: string }> = [
  { keys: 'A', does: 'Approve the case (asks to confirm)' },
  { keys: 'R', does: 'Request resubmission (asks which documents)' },
  { keys: 'X', does: 'Reject the case (asks for a reason)' },
  { keys: 'N', does: 'Open the next case waiting for review' },
  { keys: 'J / K', does: 'Case list: move down / up a row (↓ / ↑ too, while the list has focus)' },
  { keys: 'Enter / O', does: 'Case list: open the highlighted case' },
  { keys: '/', does: 'Search the case list' },
  { keys: '?', does: 'Show this help' },
  { keys: 'Esc', does: 'Close a dialog' },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * useShortcut runs handler when key is pressed outside text fields and dialogs, without Ctrl/Alt/Meta,
 * and only while single-key shortcuts are enabled.
 */
export function useShortcut(key: string, handler: () => void, active = true) {
  const { enabled } = useContext(ShortcutsContext);
  const onShortcut = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled || !active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || isTyping(e.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (e.key.toLowerCase() !== key.toLowerCase()) return;
      e.preventDefault();
      onShortcut();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, enabled, active]);
}

export function useShortcuts(): Shortcuts {
  return useContext(ShortcutsContext);
}

export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [enabled, setEnabledState] = useState(() => localStorage.getItem(STORAGE_KEY) !== 'off');
  const [help, setHelp] = useState(false);
  const value = useMemo(
    () => ({
      enabled,
      setEnabled(on: boolean) {
        localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
        setEnabledState(on);
      },
      openHelp: () => setHelp(true),
    }),
    [enabled],
  );

  useEffect(() => {
    // "?" always opens the help (it is how shortcuts are turned back on), except while typing.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target) && !document.querySelector('[role="dialog"]')) {
        e.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <ShortcutsContext.Provider value={value}>
      {children}
      {help && (
        <Dialog
          title="Keyboard shortcuts"
          onClose={() => setHelp(false)}
          footer={
            <button type="button" className="button" onClick={() => setHelp(false)}>
              Close
            </button>
          }
        >
          <table className="shortcut-table">
            <caption className="visually-hidden">Single-key shortcuts</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.keys}>
                  <td className="keys">
                    {s.keys.split(' / ').map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' / '}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{s.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">Shortcuts do nothing while you type in a field or a dialog is open.</p>
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => value.setEnabled(e.target.checked)} />
            Single-key shortcuts
          </label>
        </Dialog>
      )}
    </ShortcutsContext.Provider>
  );
}
