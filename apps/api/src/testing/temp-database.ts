import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { openDatabase } from '../database/open-database';
import { serializeSqliteAccess } from '../database/sqlite-serializer';

export interface TempDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A migrated SQLite file in a fresh temporary folder, for tests that need the real database. */
export async function openTempSqlite(): Promise<TempDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-db-'));
  const dataSource = await openDatabase(
    dataSourceOptions({ kind: 'sqlite', file: path.join(dir, 'olympiad.sqlite') }),
  );
  serializeSqliteAccess(dataSource);
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh, migrated PostgreSQL database on the server of `adminUrl` (a role with CREATEDB),
 * dropped again on close. `npm test` sets TEST_POSTGRES_URL; see docs/testing.md.
 */
export async function openTempPostgres(adminUrl: string): Promise<TempDatabase> {
  const name = `olympiad_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = await openDatabase(
    dataSourceOptions({ kind: 'postgres', url: url.toString() }),
  );
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
      await cleanup.end();
    },
  };
}
