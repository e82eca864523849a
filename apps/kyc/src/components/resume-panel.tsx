import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qrSvgDataUrl } from '@/lib/qr';

/** ResumePanel shows the resume link as text, a "Copy link" button, and its QR code. */
export function ResumePanel({ url }: { url: string }) {
  const qr = useMemo(() => qrSvgDataUrl(url), [url]);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const { t } = useTranslation();

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  return (
    <section className="panel resume" aria-labelledby="resume-heading">
      <h2 id="resume-heading">{t('resume.title')}</h2>
      <p>{t('resume.body')}</p>
      <p className="resume-url" data-testid="resume-url">
        {url}
      </p>
      <div className="resume-row">
        <button type="button" className="button secondary small" onClick={() => void copy()}>
          {t('resume.copy')}
        </button>
        <span role="status" className="copy-status">
          {copied === 'yes' ? t('resume.copied') : copied === 'no' ? t('resume.copyBlocked') : ''}
        </span>
      </div>
      <img className="qr" src={qr} alt={t('resume.qrAlt')} width={160} height={160} />
    </section>
  );
}
