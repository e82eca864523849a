import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The Go server serves this app at /kyc/ and embeds the build from server/web/dist/kyc.
const api = process.env.VITE_API_TARGET ?? 'http://127.0.0.1:8080';

// The server only accepts WebSockets from its own origin (or APP_ORIGINS): present the proxied
// upgrade as coming from the API's origin, as the embedded app does.
const proxy = {
  '/graphql': {
    target: api,
    ws: true,
    changeOrigin: true,
    configure: (p: { on(event: 'proxyReqWs', cb: (req: { setHeader(k: string, v: string): void }) => void): void }) =>
      p.on('proxyReqWs', (req) => req.setHeader('origin', new URL(api).origin)),
  },
  '/documents': { target: api, changeOrigin: true },
};

export default defineConfig({
  base: '/kyc/',
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: '../../server/web/dist/kyc',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Each language is a chunk loaded on demand (src/i18n): named locale-<lang>-<hash>.js so
        // that the bundle budget (bench figure 5) can count what a visit loads, not every language.
        chunkFileNames: (chunk) => (/^(en|de|fr|es)$/.test(chunk.name) ? 'assets/locale-[name]-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: { proxy },
  preview: { proxy },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
  },
});
