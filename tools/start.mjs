#!/usr/bin/env node
// `npm start` / `npm run demo`: build what changed (Nx cache makes a second start quick), then run
// the venue server: API, live gateway, embedded MQTT broker and the three apps on one port.
import { spawnSync, spawn } from 'node:child_process';

const demo = process.argv.includes('--demo');
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };

const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'judge', 'console', 'leaderboard', '--outputStyle=static'],
  { stdio: 'inherit', env },
);
if (build.status !== 0) {
  console.error('\nThe build failed; the venue was not started.');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['dist/api/apps/api/src/main.js', ...(demo ? ['--demo'] : [])], {
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
