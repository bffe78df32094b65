import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const workspace = fileURLToPath(new URL('../../', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Where the venue server serves the app (/judge/, SPA fallback by apps/api).
  base: '/judge/',
  plugins: [react()],
  resolve: {
    alias: [
      {
        find: /^@olympiad\/(contracts|i18n|scoring|ui)$/,
        replacement: `${workspace}libs/$1/src/index.ts`,
      },
    ],
  },
  build: { outDir: `${workspace}dist/apps/judge`, emptyOutDir: true },
  server: {
    port: 4201,
    proxy: { '/api': api, '/socket.io': { target: api, ws: true } },
  },
});
