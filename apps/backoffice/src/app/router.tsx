import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** BASE is where the Go server serves the app ("/backoffice/"). */
export const BASE = (import.meta.env.BASE_URL || '/').replace(/\/?$/, '/');

export type Route =
  | { name: 'cases'; params: URLSearchParams }
  | { name: 'case'; id: string }
  | { name: 'team' }
  | { name: 'integrations' }
  | { name: 'not-found' };

/** parseRoute maps a location under BASE to a screen. */
export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\//, '');
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'cases')) {
    return { name: 'cases', params: new URLSearchParams(search) };
  }
  if (parts.length === 2 && parts[0] === 'cases') return { name: 'case', id: decodeURIComponent(parts[1]) };
  if (parts.length === 1 && parts[0] === 'team') return { name: 'team' };
  if (parts.length === 1 && parts[0] === 'integrations') return { name: 'integrations' };
  return { name: 'not-found' };
}

export function href(path: string): string {
  return BASE + path.replace(/^\//, '');
}

const NAVIGATE = 'backoffice:navigate';

function subscribe(callback: () => void) {
  window.addEventListener('popstate', callback);
  window.addEventListener(NAVIGATE, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(NAVIGATE, callback);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** navigate goes to an app path ("cases/123", "?status=APPROVED"); replace keeps history short for filters. */
export function navigate(path: string, options: { replace?: boolean } = {}) {
  const url = path.startsWith('?') ? window.location.pathname + path : href(path);
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE));
}

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, snapshot);
  const q = location.indexOf('?');
  return parseRoute(q < 0 ? location : location.slice(0, q), q < 0 ? '' : location.slice(q));
}

/** Link is an <a> that navigates without reloading on a plain click (new tab etc. still work). */
export function Link({ to, onClick, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = useCallback(
    (e: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(e);
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(to);
    },
    [onClick, to],
  );
  return (
    <a {...rest} href={href(to)} onClick={handle}>
      {children}
    </a>
  );
}

/** inviteToken reads an invitation link's token: `#invite=<token>` (the fragment never reaches the server). */
export function inviteToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('invite');
  return token?.trim() || null;
}

function subscribeHash(callback: () => void) {
  window.addEventListener('hashchange', callback);
  window.addEventListener(NAVIGATE, callback);
  return () => {
    window.removeEventListener('hashchange', callback);
    window.removeEventListener(NAVIGATE, callback);
  };
}

/** useInviteToken is the invitation token in the location's fragment, if any. */
export function useInviteToken(): string | null {
  return useSyncExternalStore(subscribeHash, () => inviteToken(window.location.hash));
}

/** clearInviteToken drops the fragment (the token is single use: keep it out of history) and goes to path. */
export function clearInviteToken(path = '') {
  window.history.replaceState(null, '', href(path));
  window.dispatchEvent(new Event(NAVIGATE));
}
