import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const workspace = fileURLToPath(new URL('../../', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Where the venue server serves the app (/judge/, SPA fallback by apps/api).
  base: '/judge/',
  plugins: [
    react(),
    // The app shell is cached by a service worker so a reload without Wi-Fi still opens the app;
    // entries themselves wait in IndexedDB (src/outbox), never in the service worker.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/judge/index.html',
        navigateFallbackAllowlist: [/^\/judge(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: [
      {
        find: /^@olympiad\/(contracts|i18n|scoring|ui)$/,
        replacement: `${workspace}libs/$1/src/index.ts`,
      },
    ],
  },
  build: {
    outDir: `${workspace}dist/apps/judge`,
    emptyOutDir: true,
    // The contracts are pure: the tablet gets the route addresses and the schemas its forms use,
    // not every schema of the route table (first load ≤ 200 KB gzipped, docs/design.md).
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !id.includes('/libs/contracts/') } },
  },
  server: {
    port: 4201,
    proxy: { '/api': api, '/socket.io': { target: api, ws: true } },
  },
});
