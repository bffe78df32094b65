#!/usr/bin/env node
// `npm start` / `npm run demo`: build what changed (Nx cache makes a second start quick), then run
// the venue server: API, live gateway, embedded MQTT broker and the three apps on one port.
// The demo also starts simulated field sensors (firmware-bridge) once the server is up.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const demo = process.argv.includes('--demo');
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };
const projects = ['api', 'judge', 'console', 'leaderboard', ...(demo ? ['firmware-bridge'] : [])];

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=static'], { stdio: 'inherit', env });
if (build.status !== 0) {
  console.error('\nThe build failed; the venue was not started.');
  process.exit(build.status ?? 1);
}

const children = [];
const server = spawn(process.execPath, ['dist/api/apps/api/src/main.js', ...(demo ? ['--demo'] : [])], {
  stdio: ['inherit', 'pipe', 'inherit'],
  // Two glibc malloc arenas, not eight per core: less memory for the same work (docs/performance.md#memory-per-viewer).
  env: { MALLOC_ARENA_MAX: '2', ...env },
});
children.push(server);
server.stdout.pipe(process.stdout);

if (demo) {
  let started = false;
  server.stdout.on('data', (chunk) => {
    if (started || !chunk.toString().includes('Venue server is up')) return;
    started = true;
    const devices = join(process.env.DATA_DIR ?? 'data', 'demo-devices.json');
    if (!existsSync(devices)) return;
    const broker = `mqtt://127.0.0.1:${process.env.MQTT_PORT ?? 1883}`;
    console.log(`Simulated field sensors (${devices}) publish to ${broker}; arm a run on a judge tablet to time it.`);
    const simulator = spawn(
      process.execPath,
      ['dist/firmware-bridge/firmware-bridge/src/cli.js', 'simulate', '--url', broker, '--devices', devices, '--runs', '100', '--time-scale', '0.5', '--pause-ms', '40000'],
      { stdio: ['ignore', 'ignore', 'inherit'], env },
    );
    children.push(simulator);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}
server.on('exit', (code) => {
  children.forEach((child) => child.kill('SIGTERM'));
  process.exit(code ?? 0);
});
