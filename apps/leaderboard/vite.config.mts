import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { catalogFilter } from './catalog-filter.mts';
import { websocketOnly } from './websocket-only.mts';

const workspace = fileURLToPath(new URL('../../', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Where the venue server serves the app: /, /s/:stageCode, /hall/:stageCode.
  base: '/',
  plugins: [react(), catalogFilter(), websocketOnly()],
  resolve: {
    alias: [
      {
        find: /^@olympiad\/(contracts|i18n|scoring|ui)$/,
        replacement: `${workspace}libs/$1/src/index.ts`,
      },
    ],
  },
  build: {
    outDir: `${workspace}dist/apps/leaderboard`,
    emptyOutDir: true,
    rollupOptions: {
      // The OBS overlays are a page of their own (docs/results-display.md#overlays-for-obs).
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        overlay: fileURLToPath(new URL('./overlay.html', import.meta.url)),
      },
      // The rules library and the contracts are pure: a page that writes a time gets that function
      // only, and a page that calls the API gets the route addresses, not zod and every schema of
      // the route table (the phone's first load stays ≤ 100 KB gzipped).
      treeshake: { moduleSideEffects: (id) => !/\/libs\/(scoring|contracts)\//.test(id) },
    },
  },
  server: {
    port: 4203,
    proxy: { '/api': api, '/socket.io': { target: api, ws: true } },
  },
});
