import type { LedgerRecord } from '../ledger.types';
import { resolveLedger } from '../ledger/resolve-ledger';
import { MAZE_ATTEMPT } from '../maze/maze-entries';

/** When the counting attempts of the teams given were entered (ms), for a table's pace. */
export function mazeAttemptTimes(
  records: readonly LedgerRecord[],
  teamIds: ReadonlySet<string>,
): number[] {
  const times: number[] = [];
  for (const { record } of resolveLedger(records).effective) {
    if (record.kind !== MAZE_ATTEMPT || !record.teamId || !teamIds.has(record.teamId)) continue;
    const at = Date.parse(record.recordedAt);
    if (!Number.isNaN(at)) times.push(at);
  }
  return times;
}
