import {
  MAZE_ATTEMPT,
  mazeAttemptPayloadSchema,
  type MazeAttemptPayload,
  type LedgerRecord,
  resolveLedger,
} from '@olympiad/scoring';

export interface RecordedAttempt {
  entryId: string;
  payload: MazeAttemptPayload;
}

/** The attempts of each team that count now (corrections and voids applied), by attempt number. */
export function attemptsByTeam(records: readonly LedgerRecord[]): Map<string, RecordedAttempt[]> {
  const byTeam = new Map<string, RecordedAttempt[]>();
  for (const { record } of resolveLedger(records).effective) {
    if (record.kind !== MAZE_ATTEMPT || !record.teamId) continue;
    const parsed = mazeAttemptPayloadSchema.safeParse(record.payload);
    if (!parsed.success) continue;
    const list = byTeam.get(record.teamId) ?? [];
    list.push({ entryId: record.id, payload: parsed.data });
    byTeam.set(record.teamId, list);
  }
  for (const list of byTeam.values()) list.sort((a, b) => a.payload.attempt - b.payload.attempt);
  return byTeam;
}

/** The lowest attempt number the team has not used yet; null when all are used. */
export function nextAttempt(
  attempts: readonly RecordedAttempt[] | undefined,
  max: number,
): number | null {
  const used = new Set((attempts ?? []).map((a) => a.payload.attempt));
  for (let n = 1; n <= max; n++) if (!used.has(n)) return n;
  return null;
}
