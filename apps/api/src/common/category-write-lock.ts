import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { KeyedQueue } from './keyed-queue';

/**
 * Serialises the writes that touch a category's ledger or projection in this process.
 * SQLite has a single writer anyway, so there everything shares one lane.
 */
@Injectable()
export class CategoryWriteLock {
  private readonly queue = new KeyedQueue();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  run<T>(categoryId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(this.config.database.kind === 'sqlite' ? 'sqlite' : categoryId, task);
  }
}
