// env reads the build-time settings once. Both are optional: by default the app talks to the
// server that serves it (same origin), which is how the Go binary ships it.
function optionalUrl(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^(https?:|wss?:|\/)/.test(value)) {
    throw new Error(`${name} must be an absolute URL or a path, got ${String(value)}`);
  }
  return value;
}

export const env = {
  apiUrl: optionalUrl('VITE_API_URL', import.meta.env.VITE_API_URL) ?? '/graphql',
  wsUrl: optionalUrl('VITE_WS_URL', import.meta.env.VITE_WS_URL),
};
