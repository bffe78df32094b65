import { Histogram } from 'prom-client';
import type {
  AfterQueryEvent,
  BeforeQueryEvent,
  DataSource,
  EntitySubscriberInterface,
} from 'typeorm';

export const databaseQuerySeconds = new Histogram({
  name: 'olympiad_db_query_seconds',
  help: 'Database statements of this replica, from sending to the answer, by the statement kind',
  labelNames: ['statement'] as const,
  buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
});

const KINDS = new Set(['select', 'insert', 'update', 'delete', 'commit', 'rollback']);

/** `select`, `insert`, …, `begin` for a transaction's start, else `other` (DDL, savepoints, WITH …). */
export function statementKind(sql: string): string {
  const word = /^\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? '';
  if (word === 'begin' || word === 'start') return 'begin';
  return KINDS.has(word) ? word : 'other';
}

/**
 * Times every statement through TypeORM's query events (its own timing is in whole milliseconds,
 * too coarse for a statement's 0.05–2 ms). A query runner answers its statements in the order
 * sent, so each runner keeps its start times in a queue.
 */
class DatabaseTiming implements EntitySubscriberInterface {
  private readonly started = new WeakMap<object, number[]>();

  beforeQuery(event: BeforeQueryEvent): void {
    const queue = this.started.get(event.queryRunner);
    if (queue) queue.push(performance.now());
    else this.started.set(event.queryRunner, [performance.now()]);
  }

  afterQuery(event: AfterQueryEvent): void {
    const start = this.started.get(event.queryRunner)?.shift();
    if (start === undefined) return;
    databaseQuerySeconds.observe(
      { statement: statementKind(event.query) },
      (performance.now() - start) / 1000,
    );
  }
}

export function timeDatabaseQueries(dataSource: DataSource): void {
  dataSource.subscribers.push(new DatabaseTiming());
}
