import {
  type LedgerRecord,
  PROGRAMMING_TASK,
  programmingTaskPayloadSchema,
  type ProgrammingParams,
  resolveLedger,
} from '@olympiad/scoring';

/** What counts now per team and task (best or last submission); absent when nothing was entered. */
export function taskPoints(
  records: readonly LedgerRecord[],
  params: ProgrammingParams,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const { record } of resolveLedger(records).effective) {
    if (record.kind !== PROGRAMMING_TASK || !record.teamId) continue;
    const parsed = programmingTaskPayloadSchema.safeParse(record.payload);
    if (!parsed.success) continue;
    const team = out.get(record.teamId) ?? new Map<string, number>();
    const before = team.get(parsed.data.task);
    const points = parsed.data.points;
    team.set(
      parsed.data.task,
      params.submissions === 'last' || before === undefined ? points : Math.max(before, points),
    );
    out.set(record.teamId, team);
  }
  return out;
}
