import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backupFileName, pruneAutomaticBackups } from './backup-files';

describe('backup file names and pruning', () => {
  it('names a backup by its UTC time, so names sort in time order', () => {
    const at = new Date('2026-12-06T08:50:00.123Z');
    expect(backupFileName(at, false)).toBe('olympiad-backup-2026-12-06T08-50-00Z.tar.gz');
    expect(backupFileName(at, true)).toBe('olympiad-backup-2026-12-06T08-50-00Z-auto.tar.gz');
  });

  it('keeps the newest automatic backups and never touches one made by hand', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-files-'));
    try {
      const automatic = [9, 10, 11, 12].map((hour) =>
        backupFileName(new Date(Date.UTC(2026, 11, 6, hour)), true),
      );
      const byHand = backupFileName(new Date(Date.UTC(2026, 11, 6, 8)), false);
      for (const name of [...automatic, byHand, 'notes.txt'])
        fs.writeFileSync(path.join(dir, name), '');
      expect(pruneAutomaticBackups(dir, 2)).toEqual(automatic.slice(0, 2));
      expect(fs.readdirSync(dir).sort()).toEqual(
        [...automatic.slice(2), byHand, 'notes.txt'].sort(),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
