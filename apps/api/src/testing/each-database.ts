import { openTempPostgres, openTempSqlite, type TempDatabase } from './temp-database';

const postgresUrl = process.env.TEST_POSTGRES_URL;
/** `npm test` sets it (docs/testing.md): there, as in CI, a missing server fails the PostgreSQL part. */
const postgresRequired = process.env.TEST_POSTGRES_REQUIRED === '1' || !!process.env.CI;

/** Why the PostgreSQL part did not run, in its name, so a run on SQLite alone does not pass it empty. */
export const NO_POSTGRES = '(skipped: no PostgreSQL — run through npm test)';

function openPostgres(): Promise<TempDatabase> {
  if (!postgresUrl) {
    throw new Error(
      'No PostgreSQL for the tests: run them through `npm test`, or set TEST_POSTGRES_URL',
    );
  }
  return openTempPostgres(postgresUrl);
}

/**
 * `describe.each` over the databases the server supports, `%s` being the database's name, `open`
 * giving a fresh migrated one: SQLite always; PostgreSQL on the server of TEST_POSTGRES_URL, shown
 * as skipped with the reason when there is none and none is required.
 */
export function describeOnEachDatabase(
  title: string,
  body: (database: string, open: () => Promise<TempDatabase>) => void,
): void {
  type Row = [string, () => Promise<TempDatabase>];
  describe.each<Row>([['SQLite', openTempSqlite]])(title, body);
  if (postgresUrl || postgresRequired)
    describe.each<Row>([['PostgreSQL', openPostgres]])(title, body);
  else describe.skip.each<Row>([[`PostgreSQL ${NO_POSTGRES}`, openPostgres]])(title, body);
}

/** `describe` for a suite that needs PostgreSQL itself; shown as skipped with the reason when there is none. */
export function describeOnPostgres(title: string, body: (adminUrl: string) => void): void {
  if (postgresUrl || postgresRequired) describe(title, () => body(postgresUrl ?? ''));
  else describe.skip(`${title} ${NO_POSTGRES}`, () => body(''));
}
