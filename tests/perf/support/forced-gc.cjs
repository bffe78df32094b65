// Preloaded into the benchmark's server (BENCH_FORCED_GC=1): on SIGWINCH, a full collection, and
// the heap used before and after it on the server's output. Not for a real venue.
require('node:v8').setFlagsFromString('--expose_gc');
const gc = require('node:vm').runInNewContext('gc');

process.on('SIGWINCH', () => {
  const before = process.memoryUsage();
  gc();
  const after = process.memoryUsage();
  const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
  console.log(
    `after a full collection: heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, RSS ${mb(before.rss)} → ${mb(after.rss)}`,
  );
});
