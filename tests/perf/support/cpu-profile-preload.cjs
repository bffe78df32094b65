// @ts-check
/**
 * Preloaded into the benchmark's server (`BENCH_CPU_PROFILE=<folder> npm run bench:live`; node
 * refuses --cpu-prof in NODE_OPTIONS). Not for a real venue. Samples the server's CPU and writes a profile every
 * BENCH_CPU_PROFILE_MS (default 4 s) to BENCH_CPU_PROFILE_DIR (default the system's temporary
 * folder), named by process and time, so the phase of interest (a join storm, the results) can be
 * picked by its files' times. Open them in Chrome DevTools (Performance) or read them with a script.
 */
const fs = require('node:fs');
const inspector = require('node:inspector');
const os = require('node:os');
const path = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR || os.tmpdir();
const everyMs = Number(process.env.BENCH_CPU_PROFILE_MS || 4000);
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
let part = 0;
setInterval(() => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) {
      const name = `server-${process.pid}-${String(part++).padStart(3, '0')}-${Date.now()}.cpuprofile`;
      fs.writeFileSync(path.join(dir, name), JSON.stringify(result.profile));
    }
    session.post('Profiler.start');
  });
}, everyMs).unref();
