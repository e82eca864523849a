import type { LiveTransport } from '@kyc/sdk';
import { useTranslation } from 'react-i18next';

/**
 * LiveStatus is the quiet line on a waiting screen while the SDK's live channel has fallen back
 * to polling (neither WebSocket nor SSE connects): updates still come, only slower, and it says
 * how often. The live region is always there, so the line is announced when it appears, and it is
 * empty again once a live transport is back.
 */
export function LiveStatus({ transport, everySeconds }: { transport: LiveTransport | null; everySeconds: number | null }) {
  const { t } = useTranslation();
  const polling = transport === 'polling' && everySeconds !== null;
  return (
    <div className="live-status" role="status" aria-live="polite" data-live-transport={transport ?? undefined}>
      {polling && <p>{t('final.polling', { seconds: everySeconds })}</p>}
    </div>
  );
}
