import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL server of the suites that run on PostgreSQL too: TEST_POSTGRES_URL, a role that may
 * create databases. `npm test` always sets it (a throwaway cluster unless given; docs/testing.md)
 * and sets TEST_POSTGRES_REQUIRED, under which, as in CI, a missing server fails the suites
 * instead of skipping them. A spec run on its own without it runs on SQLite only.
 */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL;
export const postgresRequired = process.env.TEST_POSTGRES_REQUIRED === '1' || !!process.env.CI;

/** Whether the suites include their PostgreSQL part (which fails when there is no server). */
export const runsOnPostgres = !!testPostgresUrl || postgresRequired;

/** Creates an empty database on the server of TEST_POSTGRES_URL and returns its URL. */
export async function freshPostgresDatabase(adminUrl = testPostgresUrl): Promise<string> {
  if (!adminUrl) {
    throw new Error(
      'No PostgreSQL for the tests: run them through `npm test` (or `npm test -- <command>`), or set TEST_POSTGRES_URL',
    );
  }
  const name = `olympiad_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Why a PostgreSQL part did not run, in its name, so a run on SQLite alone does not pass it empty. */
export const NO_POSTGRES = '(skipped: no PostgreSQL — run through npm test)';

/** `describe` for a suite that runs on PostgreSQL only; without a server (and not required) it shows as skipped. */
export function describeOnPostgres(name: string, body: () => void): void {
  if (runsOnPostgres) describe(name, body);
  // eslint-disable-next-line jest/no-disabled-tests -- skipped on purpose, with the reason in its name
  else describe.skip(`${name} ${NO_POSTGRES}`, body);
}

/**
 * `describe.each` over the databases, `%s` being the database's name: SQLite always, PostgreSQL when
 * there is a server (or one is required), shown as skipped with the reason otherwise.
 */
export function describeOnEachDatabase<Env>(onSqlite: Env, onPostgres: Env) {
  return (title: string, body: (database: string, env: Env) => void): void => {
    describe.each<[string, Env]>([['SQLite', onSqlite]])(title, body);
    if (runsOnPostgres) {
      describe.each<[string, Env]>([['PostgreSQL', onPostgres]])(title, body);
    } else {
      // eslint-disable-next-line jest/no-disabled-tests -- skipped on purpose, with the reason in its name
      describe.skip.each<[string, Env]>([[`PostgreSQL ${NO_POSTGRES}`, onPostgres]])(title, body);
    }
  };
}
