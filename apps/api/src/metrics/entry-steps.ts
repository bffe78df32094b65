import { Counter, Histogram } from 'prom-client';

/**
 * Where a score's time goes between the request and its broadcast (docs/performance.md#replicas):
 * `queue` waits for this process's earlier writes to the category, `lock` for the database lock
 * (another replica's write, PostgreSQL only), `checks` reads what the entry is checked against,
 * `insert` appends it, `standings` brings the projection up to date and applies the entry,
 * `commit` is the transaction's end and `total` all of them.
 */
export const entryStepSeconds = new Histogram({
  name: 'olympiad_entry_step_seconds',
  help: 'Steps of recording a ledger entry on this replica (queue, lock, checks, insert, standings, commit, total)',
  labelNames: ['step'] as const,
  buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
});

export type EntryStep = 'queue' | 'lock' | 'checks' | 'insert' | 'standings' | 'commit' | 'total';

/** Runs `task` and records its time under `step`, whether it succeeds or throws. */
export async function timeEntryStep<T>(step: EntryStep, task: () => Promise<T>): Promise<T> {
  const end = entryStepSeconds.startTimer({ step });
  try {
    return await task();
  } finally {
    end();
  }
}

/** Records the time since `startedAt` (performance.now()) under `step`. */
export function observeEntryStep(step: EntryStep, startedAt: number): void {
  entryStepSeconds.observe({ step }, (performance.now() - startedAt) / 1000);
}

/**
 * How the projection kept in memory met an entry: `current` (it held everything before it),
 * `caught_up` (it read and applied only the entries other replicas stored since) or `rebuilt`
 * (it replayed the category's whole ledger: none in memory, or the rules or the teams changed).
 */
export const standingsCacheOutcomes = new Counter({
  name: 'olympiad_standings_cache_total',
  help: 'How the standings in memory met each entry: current, caught_up or rebuilt',
  labelNames: ['outcome'] as const,
});

export const standingsEntriesRead = new Counter({
  name: 'olympiad_standings_entries_read_total',
  help: 'Ledger entries read back to bring the standings in memory up to date (catch-up or replay)',
});
