import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Go server serves this app at /backoffice/ and embeds the build from server/web/dist/backoffice.
const api = process.env.VITE_API_TARGET ?? 'http://127.0.0.1:8080';
const proxy = {
  // The server checks the WebSocket Origin; through the proxy the page's origin is the API's.
  '/graphql': {
    target: api,
    ws: true,
    changeOrigin: true,
    configure: (p: { on(event: 'proxyReqWs', cb: (req: { setHeader(k: string, v: string): void }) => void): void }) =>
      p.on('proxyReqWs', (req) => req.setHeader('origin', api)),
  },
  '/documents': { target: api, changeOrigin: true },
};

export default defineConfig({
  base: '/backoffice/',
  plugins: [react()],
  build: {
    outDir: '../../server/web/dist/backoffice',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { proxy },
  preview: { proxy },
  test: {
    environment: 'jsdom',
    // Same base as the build, so links and routes in tests are the real ones.
    env: { BASE_URL: '/backoffice/' },
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
  },
});
