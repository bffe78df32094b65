import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const workspace = fileURLToPath(new URL('../../', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Where the venue server serves the app; the same as src/base-path.ts.
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: [
      {
        find: /^@olympiad\/(contracts|i18n|scoring|ui)$/,
        replacement: `${workspace}libs/$1/src/index.ts`,
      },
    ],
  },
  build: { outDir: `${workspace}dist/apps/console`, emptyOutDir: true },
  server: {
    port: 4202,
    proxy: { '/api': api, '/socket.io': { target: api, ws: true } },
  },
});
