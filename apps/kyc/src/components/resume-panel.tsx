import { useMemo, useState } from 'react';
import { qrSvgDataUrl } from '@/lib/qr';

/** ResumePanel shows the resume link as text, a "Copy link" button, and its QR code. */
export function ResumePanel({ url }: { url: string }) {
  const qr = useMemo(() => qrSvgDataUrl(url), [url]);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

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
      <h2 id="resume-heading">Continue on another device</h2>
      <p>
        Your progress is saved. Open this link, or scan the code with your phone, to pick up where you left off. Keep it private:
        anyone with the link can see your verification.
      </p>
      <p className="resume-url" data-testid="resume-url">
        {url}
      </p>
      <div className="resume-row">
        <button type="button" className="button secondary small" onClick={() => void copy()}>
          Copy link
        </button>
        <span role="status" className="copy-status">
          {copied === 'yes' ? 'Link copied.' : copied === 'no' ? 'Copying is blocked here. Select the link and copy it.' : ''}
        </span>
      </div>
      <img className="qr" src={qr} alt="QR code of your resume link" width={160} height={160} />
    </section>
  );
}
