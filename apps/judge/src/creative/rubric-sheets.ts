import {
  type LedgerRecord,
  resolveLedger,
  rubricMarksPayloadSchema,
  type RubricMarksPayload,
} from '@olympiad/scoring';

/** The newest sheet of every judge for every team, as the rules count them. */
export function sheetsByTeam(
  records: readonly LedgerRecord[],
  kind: string,
): Map<string, Map<string, RubricMarksPayload>> {
  const out = new Map<string, Map<string, RubricMarksPayload>>();
  for (const { record } of resolveLedger(records).effective) {
    if (record.kind !== kind || !record.teamId) continue;
    const parsed = rubricMarksPayloadSchema.safeParse(record.payload);
    if (!parsed.success) continue;
    const team = out.get(record.teamId) ?? new Map<string, RubricMarksPayload>();
    team.set(parsed.data.judgeId, parsed.data);
    out.set(record.teamId, team);
  }
  return out;
}
