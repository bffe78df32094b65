import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KeyedQueue } from '../common/keyed-queue';
import { TurnLimit } from '../common/turn-limit';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { rawStatement } from '../database/raw-statement';

/**
 * The first key of the advisory locks a field's run timing takes on PostgreSQL, beside the
 * categories' (1) and the imports' (2) (docs/deploy.md#writes-that-must-take-turns).
 */
const FIELD_LOCK_SPACE = 3;

/**
 * Field turns that hold a database connection at once in one replica. The writes inside a turn
 * need a second connection, so this stays well below the pool's ten: turns of more fields wait
 * here instead of taking every connection and waiting for one of their own.
 */
const DATABASE_TURNS = 4;

/**
 * One field's arm, cancel, attach and gate events run one after another: every run-timing use
 * case reads the field's active run and writes what follows from it. In this process a queue per
 * field; on PostgreSQL, where another replica may take the field's next gate event
 * (docs/deploy.md#sensors-with-several-replicas), the turn also holds a transaction-scoped
 * advisory lock on the field from before the task reads the run until after its writes commit.
 */
@Injectable()
export class FieldRunQueue {
  private readonly queue = new KeyedQueue();
  private readonly databaseTurns = new TurnLimit(DATABASE_TURNS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  run<T>(fieldId: string, task: () => Promise<T>): Promise<T> {
    if (this.config.database.kind === 'sqlite') return this.queue.run(fieldId, task);
    return this.queue.run(fieldId, () =>
      this.databaseTurns.run(() =>
        // The task writes through its own transactions; this one only holds the lock, which goes
        // with its commit, after everything the task wrote is committed.
        this.dataSource.transaction(async (manager) => {
          await rawStatement(manager, 'SELECT pg_advisory_xact_lock(?, hashtext(?))', [
            FIELD_LOCK_SPACE,
            fieldId,
          ]);
          return task();
        }),
      ),
    );
  }
}
