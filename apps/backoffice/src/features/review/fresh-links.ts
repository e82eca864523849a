import { useEffect, useEffectEvent, useRef } from 'react';

/** EARLY_MS: links are refreshed this long before they expire. */
const EARLY_MS = 5 * 60_000;
/** setTimeout overflows past this (about 24.8 days); longer waits are taken in steps. */
const MAX_DELAY = 2 ** 31 - 1;

/** linkExpiry reads when a signed document link (`/documents/<id>?exp=<unix s>&sig=…`) expires, in ms. */
export function linkExpiry(url: string): number | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  const exp = Number(new URLSearchParams(url.slice(q + 1)).get('exp'));
  return Number.isFinite(exp) && exp > 0 ? exp * 1000 : null;
}

/**
 * useFreshLinks calls refresh shortly before the first of urls expires, so that a case left open
 * for hours keeps working links ("Open in new tab", a revision not shown yet) before any image
 * fails. A timer can fire late after the computer slept, so coming back to the tab checks too.
 *
 * It never loops: each expiry is refreshed at most once (a server that answers with the same
 * links is left alone), and a link that is already about to expire when it arrives (a skewed
 * clock) is left to the image's own onError refresh.
 */
export function useFreshLinks(urls: readonly string[], refresh: () => Promise<unknown>) {
  const expiries = urls.map(linkExpiry).filter((e): e is number => e !== null);
  const earliest = expiries.length ? Math.min(...expiries) : null;
  const done = useRef<number | null>(null);
  const onDue = useEffectEvent(() => void refresh());

  useEffect(() => {
    if (earliest === null || done.current === earliest) return;
    const due = earliest - EARLY_MS;
    if (due <= Date.now()) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      if (done.current === earliest || Date.now() < due) return;
      done.current = earliest;
      onDue();
    };
    const arm = () => {
      timer = setTimeout(() => (Date.now() < due ? arm() : fire()), Math.min(due - Date.now(), MAX_DELAY));
    };
    arm();
    const onReturn = () => {
      if (document.visibilityState === 'visible') fire();
    };
    document.addEventListener('visibilitychange', onReturn);
    window.addEventListener('focus', onReturn);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onReturn);
      window.removeEventListener('focus', onReturn);
    };
  }, [earliest]);
}
