import { KycError } from '@kyc/sdk';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useErased, useKyc } from '@/app/kyc-context';
import { copyFor } from '@/lib/error-copy';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * DeleteMyData is the applicant's "Delete my data" (GDPR Art. 17) on the welcome and final
 * screens. While the case is still being collected it offers the erasure behind a confirmation;
 * once submitted the server keeps the case for review, so it says to contact support instead.
 */
export function DeleteMyData() {
  const { snap, client } = useKyc();
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  if (!snap.case) return null;
  if (!client.canErase) {
    return <p className="privacy-note">{t('erase.submitted')}</p>;
  }
  return (
    <div className="privacy-note">
      <button type="button" className="button link small" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('erase.link')}
      </button>
      {open && <DeleteDialog onClose={() => setOpen(false)} />}
    </div>
  );
}

function DeleteDialog({ onClose }: { onClose: () => void }) {
  const { client } = useKyc();
  const { setErased } = useErased();
  const titleId = useId();
  const descId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KycError | null>(null);
  const { t } = useTranslation();

  // Modal: focus moves in (on Cancel, the safe choice), the page behind is inert, and focus
  // returns to "Delete my data" on close.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const page = document.querySelector<HTMLElement>('.app');
    if (page) page.inert = true;
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (page) page.inert = false;
      previous?.focus?.();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = Array.from(ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.eraseMyCase();
      setErased(true);
    } catch (err) {
      setError(err instanceof KycError ? err : new KycError('INTERNAL', String(err)));
      setBusy(false);
    }
  };

  return createPortal(
    <div className="dialog-backdrop" role="presentation" onKeyDown={onKeyDown}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={descId} className="dialog">
        <h2 id={titleId}>{t('erase.title')}</h2>
        <div id={descId}>
          <p>{t('erase.intro')}</p>
          <ul>
            <li>{t('erase.what')}</li>
            <li>{t('erase.stop')}</li>
          </ul>
          <p>{t('erase.kept')}</p>
          <p>
            <strong>{t('erase.undone')}</strong> {t('erase.again')}
          </p>
        </div>
        {error && (
          <div role="alert" className="alert" data-code={error.code}>
            <p>
              {error.code === 'INVALID_TRANSITION' ? t('erase.alreadySubmitted') : copyFor(error)}
            </p>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button secondary" data-autofocus onClick={onClose} disabled={busy}>
            {t('erase.cancel')}
          </button>
          <button type="button" className="button danger" onClick={() => void confirm()} disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('erase.deleting') : t('erase.confirm')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
