import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';

/** A migrated SQLite file in a fresh temporary folder, for tests that need the real database. */
export async function openTempDatabase(): Promise<{ dataSource: DataSource; dir: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-db-'));
  const dataSource = new DataSource(dataSourceOptions({ kind: 'sqlite', file: path.join(dir, 'olympiad.sqlite') }));
  await dataSource.initialize();
  return {
    dataSource,
    dir,
    async close() {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
