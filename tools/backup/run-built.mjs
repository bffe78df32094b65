// The backup tools run the built server code (dist/api), building it first when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist/api/apps/api/src/backups/backup-cli.js');

export function loadBackupCli() {
  if (!existsSync(CLI)) {
    const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };
    const build = spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], {
      stdio: 'inherit',
      env,
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  return createRequire(import.meta.url)(CLI);
}
