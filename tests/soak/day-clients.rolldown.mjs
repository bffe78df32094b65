// Bundles tests/soak/day-clients.ts for Node (the chaos day runs it as a process of its own). The
// apps' shared UI library imports its stylesheets, which Node has no use for.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'tests/soak/day-clients.ts',
  platform: 'node',
  tsconfig: 'tsconfig.base.json',
  external: ['socket.io-client'],
  output: {
    format: 'cjs',
    file: process.env.SOAK_CLIENTS_BUNDLE ?? 'dist/tests/soak-day-clients.cjs',
  },
  plugins: [
    {
      name: 'no-stylesheets',
      load: (id) => (id.endsWith('.css') ? { code: '', moduleType: 'js' } : null),
    },
  ],
});
