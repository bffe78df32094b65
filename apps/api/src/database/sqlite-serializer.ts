import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection and one query runner for the whole process, and
 * TypeORM nests a second concurrent "transaction" into the first as a savepoint. Two requests
 * writing at the same moment could then commit, roll back or lose each other's work.
 *
 * This makes the single connection behave: a transaction (explicit, or the implicit one of
 * save/remove) holds the connection until it ends, and any other statement waits for it. Work
 * started inside a holder (tracked with AsyncLocalStorage) runs straight through, so nested calls
 * never deadlock.
 */
export function serializeSqliteAccess(dataSource: DataSource): void {
  const holder = new AsyncLocalStorage<symbol>();
  let tail: Promise<unknown> = Promise.resolve();

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (holder.getStore()) return work();
    const token = Symbol('sqlite-holder');
    const run = tail.then(
      () => holder.run(token, work),
      () => holder.run(token, work),
    );
    tail = run.catch(() => undefined);
    return run;
  };

  const runner = dataSource.driver.createQueryRunner('master') as QueryRunner;
  const query = runner.query.bind(runner) as QueryRunner['query'];
  runner.query = ((...args: Parameters<QueryRunner['query']>) => exclusive(() => query(...args))) as QueryRunner['query'];

  const manager = dataSource.manager as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['transaction', 'save', 'remove', 'softRemove', 'recover']) {
    const original = manager[method].bind(manager);
    manager[method] = (...args: unknown[]) => exclusive(() => original(...args));
  }
}
