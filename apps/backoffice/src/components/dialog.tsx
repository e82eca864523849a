import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  /** description is announced with the title. */
  description?: ReactNode;
  onClose: () => void;
  children?: ReactNode;
  /** footer holds the buttons. */
  footer: ReactNode;
  /** onSubmit makes the dialog a form: Enter in a field submits. */
  onSubmit?: () => void;
  wide?: boolean;
}

/**
 * Dialog is a modal: focus moves in and is kept inside, Escape closes, the page behind is inert,
 * and focus returns to where it was on close.
 */
export function Dialog({ title, description, onClose, children, footer, onSubmit, wide }: DialogProps) {
  const titleId = useId();
  const descId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Where focus was when the dialog was asked for (a button, or the element a keyboard shortcut
  // was pressed on), read while rendering: before the dialog or the inert page can move it.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    const previous = opener && opener !== document.body ? opener : (document.activeElement as HTMLElement | null);
    const root = document.getElementById('root');
    if (root) root.inert = true;
    const node = ref.current!;
    const first = node.querySelector<HTMLElement>('[data-autofocus]') ?? node.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? node).focus();
    return () => {
      if (root) root.inert = false;
      const restore = () => {
        if (previous && previous !== document.body && previous.isConnected) previous.focus();
      };
      restore();
      // The removed dialog held focus: a browser may move it to the body once it renders (the
      // focus fix-up). Give it back then, unless someone has focused something else meanwhile.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) restore();
      });
    };
  }, [opener]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = Array.from(ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const body = (
    <>
      <div className="dialog-body">
        {description && (
          <div id={descId} className="dialog-description">
            {description}
          </div>
        )}
        {children}
      </div>
      <div className="dialog-footer">{footer}</div>
    </>
  );

  return createPortal(
    // The backdrop only catches what bubbles up from the dialog: a press outside it closes it (Escape
    // does too), and keys inside it keep focus trapped.
    <div role="presentation" className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()} onKeyDown={onKeyDown}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descId : undefined}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        tabIndex={-1}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {onSubmit ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              onSubmit();
            }}
          >
            {body}
          </form>
        ) : (
          body
        )}
      </div>
    </div>,
    document.body,
  );
}

/** DialogActions is a form dialog's footer: Cancel, and the submit button, which says busyLabel while busy. */
export function DialogActions({
  label,
  busyLabel,
  busy,
  onCancel,
  danger = false,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  onCancel: () => void;
  danger?: boolean;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} aria-disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </>
  );
}

/** FormError shows why a form was refused, announced to screen readers; nothing without an error. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="alert alert-error" role="alert">
      {error}
    </p>
  );
}
