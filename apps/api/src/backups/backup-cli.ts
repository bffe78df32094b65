import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { backupFileName } from './backup-files';
import { RestoreRefused, restoreBackup } from './restore-backup';
import { serverVersion } from './server-version';
import { BACKUPS_FOLDER, writeBackup } from './write-backup';

/**
 * `npm run backup` and `npm run restore` (tools/backup/): they work on the data folder, not
 * through the server, so they work whether the venue runs or not (docs/operations.md).
 */
export async function backupCommand(argv: string[], env = process.env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, out: { type: 'string' } },
  });
  const dataDir = path.resolve(values['data-dir'] ?? env.DATA_DIR ?? 'data');
  const now = new Date();
  const out = path.resolve(values.out ?? path.join(dataDir, BACKUPS_FOLDER));
  const file = out.endsWith('.tar.gz') ? out : path.join(out, backupFileName(now, false));
  try {
    const manifest = await writeBackup({
      dataDir,
      outputFile: file,
      serverVersion: serverVersion(),
      now,
    });
    console.log(`Backup written: ${file}`);
    console.log(
      `  ${manifest.files.map((entry) => entry.path).join(', ')}; database at ${manifest.database.migration ?? 'no migration'}`,
    );
    console.log('  It holds the venue CA and keys: keep it where only the organisers can read it.');
    return 0;
  } catch (error) {
    console.error(`The backup failed: ${(error as Error).message}`);
    return 1;
  }
}

export function restoreCommand(argv: string[], env = process.env): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' } },
  });
  if (positionals.length !== 1) {
    console.error('Usage: npm run restore -- <archive.tar.gz> [--data-dir DIR]');
    return 2;
  }
  const archive = path.resolve(positionals[0]);
  const dataDir = path.resolve(values['data-dir'] ?? env.DATA_DIR ?? 'data');
  try {
    const manifest = restoreBackup(archive, dataDir);
    console.log(`Restored ${archive} into ${dataDir}`);
    console.log(
      `  made ${manifest.createdAt} by server ${manifest.serverVersion}; database at ${manifest.database.migration ?? 'no migration'}; ` +
        `${manifest.files.length} files, hashes and SQLite integrity check passed`,
    );
    const relative = path.relative(process.cwd(), dataDir) || '.';
    console.log(`  Start the venue on it: DATA_DIR=${relative} npm start`);
    return 0;
  } catch (error) {
    if (!(error instanceof RestoreRefused)) throw error;
    console.error(`Restore refused: ${error.message}`);
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length === 0) {
      console.error(`  ${dataDir} was left empty.`);
    }
    return 1;
  }
}
