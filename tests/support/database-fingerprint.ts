import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';

/** A hash of each table's rows, by table: what a refused request must leave as it was. */
export interface DatabaseFingerprint {
  tables(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** Reads the venue's database beside the server: its SQLite file (read-only), or DATABASE_URL. */
export async function databaseFingerprint(
  venue: { dataDir: string },
  databaseUrl?: string,
): Promise<DatabaseFingerprint> {
  if (!databaseUrl) {
    const db = new Database(path.join(venue.dataDir, 'olympiad.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    const names = () =>
      (
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
          .all() as { name: string }[]
      ).map(({ name }) => name);
    return {
      tables: async () =>
        Object.fromEntries(
          names().map((name) => {
            const hash = createHash('sha256');
            for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate())
              hash.update(JSON.stringify(row));
            return [name, hash.digest('hex')];
          }),
        ),
      close: async () => {
        db.close();
      },
    };
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const listed = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  // One round trip per fingerprint: each table's rows as text, sorted, hashed by PostgreSQL.
  const sql = listed.rows
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS hash FROM "${name}" r`,
    )
    .join(' UNION ALL ');
  return {
    tables: async () =>
      Object.fromEntries(
        (await client.query<{ name: string; hash: string }>(sql)).rows.map((row) => [
          row.name,
          row.hash,
        ]),
      ),
    close: () => client.end(),
  };
}
