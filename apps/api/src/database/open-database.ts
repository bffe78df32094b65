import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Any 64-bit number the olympiad's processes agree on: the PostgreSQL advisory lock replicas take
 * while they migrate, so two replicas starting together do not both create the same tables.
 */
const MIGRATION_LOCK = 7_301_733_300;

/**
 * Connects and brings the schema up to date. On PostgreSQL several replicas may start at once
 * (docs/design.md#scale-out): each waits for the migration lock, and the later ones find nothing
 * left to run. A SQLite file has one server process.
 */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'all' });
    return dataSource;
  }
  // A session lock lives on one connection: take and free it on the same one.
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lockHolder
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
      .catch(() => undefined);
    await lockHolder.release();
  }
  return dataSource;
}
