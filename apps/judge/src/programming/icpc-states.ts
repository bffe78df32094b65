import {
  type EffectiveEntry,
  icpcTasksOf,
  type IcpcTaskState,
  type LedgerRecord,
  type ProgrammingParams,
  resolveLedger,
} from '@olympiad/scoring';

/** Per team and task, what the ICPC rules count of the ledger so far (solved, when, wrong tries). */
export function icpcStates(
  records: readonly LedgerRecord[],
  params: ProgrammingParams,
): Map<string, Map<string, IcpcTaskState>> {
  const byTeam = new Map<string, EffectiveEntry[]>();
  for (const entry of resolveLedger(records).effective) {
    const teamId = entry.record.teamId;
    if (!teamId) continue;
    byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), entry]);
  }
  return new Map([...byTeam].map(([teamId, entries]) => [teamId, icpcTasksOf(params, entries)]));
}
