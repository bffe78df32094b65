import * as path from 'node:path';
import type { Plugin } from 'vite';

const TABLE = '\0olympiad-websocket-only-transports';

/**
 * Vite plugin: the public pages connect over WebSocket only (src/live/live-transport.ts), so the
 * HTTP long-polling and WebTransport clients of Socket.IO (~3 KB gzipped) are left out of the
 * bundle. engine.io-client names every transport in one table that tree-shaking cannot split;
 * this gives it a table holding WebSocket alone. A transport asked for by name and not in the
 * table is skipped by engine.io-client, so asking for polling here would fail loudly, not quietly.
 */
export function websocketOnly(): Plugin {
  let websocket = '';
  return {
    name: 'olympiad-websocket-only',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      if (source !== './transports/index.js' || !importer) return null;
      if (!/[\\/]engine\.io-client[\\/]build[\\/]esm[\\/][^\\/]+\.js$/.test(importer)) return null;
      websocket = path.join(path.dirname(importer), 'transports', 'websocket.js');
      return TABLE;
    },
    load(id) {
      if (id !== TABLE) return null;
      return `import { WS } from ${JSON.stringify(websocket)};\nexport const transports = { websocket: WS };\n`;
    },
    // Socket.IO re-exports the polling client, whose only top-level effect is a page-unload hook
    // for its own requests: with no polling, nothing needs it kept.
    transform(code, id) {
      if (!/[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]polling/.test(id))
        return null;
      return { code, map: null, moduleSideEffects: false };
    },
  };
}
