/** takeResumeToken reads `#resume=<token>` from the address bar and removes it (the token is a secret). */
export function takeResumeToken(loc: Location = location, hist: History = history): string | null {
  const m = /(?:^#|&)resume=([^&]+)/.exec(loc.hash);
  if (!m) return null;
  hist.replaceState(hist.state, '', loc.pathname + loc.search);
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/** resumeUrlFor builds the link that opens this case on another device. */
export function resumeUrlFor(token: string): string {
  return `${location.origin}${import.meta.env.BASE_URL}#resume=${encodeURIComponent(token)}`;
}
