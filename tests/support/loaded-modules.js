// Preloaded into a venue server (NODE_OPTIONS=--require): on SIGWINCH (a signal the server's
// shutdown hooks leave alone) it writes the packages the server has loaded so far to
// loaded-modules.txt in its DATA_DIR, one a line, so a test can tell what it loaded when asked.
const fs = require('node:fs');
const path = require('node:path');

process.on('SIGWINCH', () => {
  const packages = new Set();
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (match) packages.add(match[1].replace(/\\/g, '/'));
  }
  const target = path.join(process.env.DATA_DIR, 'loaded-modules.txt');
  fs.writeFileSync(`${target}.part`, [...packages].sort().join('\n'));
  fs.renameSync(`${target}.part`, target);
});
