import { useRef } from 'react';
import { useKyc } from '@/app/kyc-context';

/**
 * DocImage shows an uploaded photo through its signed link. Links live minutes; the SDK re-reads
 * the case before they expire, and if one fails anyway (the phone slept past it) the case is
 * re-read once for fresh links.
 */
export function DocImage({ src, alt }: { src: string; alt: string }) {
  const { client } = useKyc();
  const retried = useRef<string | null>(null);
  return (
    <img
      src={src}
      alt={alt}
      onError={() => {
        if (retried.current === src || !client.snapshot.token) return;
        retried.current = src;
        client.refresh().catch(() => undefined);
      }}
    />
  );
}
