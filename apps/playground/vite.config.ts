import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// GraphiQL built from the npm packages, served by the Go server at /playground/ from
// server/web/dist/playground (PLAYGROUND=true): nothing is loaded from a CDN, so it works
// offline and behind strict proxies. Kept apart from the KYC and backoffice bundles.
const api = process.env.VITE_API_TARGET ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/playground/',
  plugins: [react()],
  build: {
    outDir: '../../server/web/dist/playground',
    emptyOutDir: true,
    target: 'es2022',
    // The editor (Monaco) is large by nature; this app is a developer tool, not on the applicant's path.
    chunkSizeWarningLimit: 5000,
  },
  worker: { format: 'es' },
  server: { proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } } },
});
