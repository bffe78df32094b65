import type { AuditEntry, AuditPage } from '@olympiad/contracts';
import Database from 'better-sqlite3';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { describeOnEachDatabase, freshPostgresDatabase } from './fresh-postgres';
import type { Venue } from './start-venue';

/** A venue's environment per database: SQLite always, PostgreSQL under `npm test`. */
export const onEachDatabase = describeOnEachDatabase<() => Promise<Record<string, string>>>(
  async () => ({}),
  async () => ({ DATABASE_URL: await freshPostgresDatabase() }),
);

/** The audit rows the organiser reads through the API, newest first. */
export async function auditRows(
  venue: Venue,
  token: string,
  filters: Record<string, string>,
): Promise<AuditEntry[]> {
  const page = (
    await request(venue.url)
      .get('/api/audit')
      .query(filters)
      .set('Authorization', `Bearer ${token}`)
      .expect(200)
  ).body as AuditPage;
  expect(page.total).toBe(page.entries.length);
  return page.entries;
}

/** Runs one statement straight on the venue's database (past the API), and returns its error message, or null. */
export async function rawStatementError(
  venue: Venue,
  env: Record<string, string>,
  sql: string,
): Promise<string | null> {
  try {
    if (env['DATABASE_URL']) {
      const client = new Client({ connectionString: env['DATABASE_URL'] });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    } else {
      const db = new Database(path.join(venue.dataDir, 'olympiad.sqlite'));
      try {
        db.prepare(sql).run();
      } finally {
        db.close();
      }
    }
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
