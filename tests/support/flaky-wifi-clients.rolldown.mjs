// Bundles tests/support/flaky-wifi-clients.ts for Node (the flaky Wi-Fi test runs it inside a network
// namespace). The apps' shared UI library imports its stylesheets, which Node has no use for.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'tests/support/flaky-wifi-clients.ts',
  platform: 'node',
  tsconfig: 'tsconfig.base.json',
  external: ['socket.io-client'],
  output: {
    format: 'cjs',
    file: process.env.FLAKY_WIFI_BUNDLE ?? 'dist/tests/flaky-wifi-clients.cjs',
  },
  plugins: [
    {
      name: 'no-stylesheets',
      load: (id) => (id.endsWith('.css') ? { code: '', moduleType: 'js' } : null),
    },
  ],
});
