import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { rawStatement } from '../database/raw-statement';
import { KeyedQueue } from './keyed-queue';

/**
 * The first key of the two-key advisory locks a category's writes take on PostgreSQL; the
 * two-key space is apart from the one-key migration lock (database/open-database.ts).
 */
const CATEGORY_LOCK_SPACE = 1;

/**
 * One queue for the process, whichever module's instance takes it: the ledger, protest filing and
 * the category lock wait for one another.
 */
const queue = new KeyedQueue();

/**
 * Serialises the writes that touch a category's ledger or projection. In this process a queue per
 * category (SQLite has a single writer anyway, so there everything shares one lane); on PostgreSQL
 * several replicas share the database (docs/design.md#scale-out), so `hold` also takes a
 * transaction-scoped advisory lock on the category, freed by the commit or rollback.
 */
@Injectable()
export class CategoryWriteLock {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  run<T>(categoryId: string, task: () => Promise<T>): Promise<T> {
    return queue.run(this.config.database.kind === 'sqlite' ? 'sqlite' : categoryId, task);
  }

  /**
   * Call first in the write's transaction, before anything of the category is read: on PostgreSQL
   * it waits for another replica's write to the category to commit. Two categories whose ids hash
   * alike merely take turns.
   */
  async hold(manager: EntityManager, categoryId: string): Promise<void> {
    if (this.config.database.kind === 'sqlite') return;
    await rawStatement(manager, 'SELECT pg_advisory_xact_lock(?, hashtext(?))', [
      CATEGORY_LOCK_SPACE,
      categoryId,
    ]);
  }
}
