import * as fs from 'node:fs';
import * as path from 'node:path';

const AUTOMATIC = /^olympiad-backup-.+-auto\.tar\.gz$/;

/** e.g. `olympiad-backup-2026-12-06T08-50-00Z.tar.gz` (UTC: names sort in time order); `-auto` for the server's own. */
export function backupFileName(now: Date, automatic: boolean): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `olympiad-backup-${stamp}${automatic ? '-auto' : ''}.tar.gz`;
}

/** Deletes the server's own backups in `folder` beyond the newest `keep`; a hand-made one is never touched. */
export function pruneAutomaticBackups(folder: string, keep: number): string[] {
  const automatic = fs
    .readdirSync(folder)
    .filter((name) => AUTOMATIC.test(name))
    .sort();
  const old = automatic.slice(0, Math.max(0, automatic.length - keep));
  for (const name of old) fs.rmSync(path.join(folder, name), { force: true });
  return old;
}
