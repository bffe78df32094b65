import type { LedgerEntry, ProtestTarget } from '@olympiad/contracts';

const payloadOf = (row: LedgerEntry) => (row.payload ?? {}) as Record<string, unknown>;

/** The sumo matches a team fought, by the ledger's match entries (`a` and `b` name the teams). */
export function matchesOfTeam(ledger: readonly LedgerEntry[], teamId: string): string[] {
  const ids = ledger.flatMap((row) => {
    const p = payloadOf(row);
    const inMatch = row.teamId === teamId || p['a'] === teamId || p['b'] === teamId;
    return inMatch && typeof p['matchId'] === 'string' ? [p['matchId']] : [];
  });
  return [...new Set(ids)];
}

/**
 * The entries an upheld protest may correct, each the newest of its chain (a correction replaces
 * that one): the match's entries for a match, else the protesting team's own entries.
 */
export function correctableEntries(
  ledger: readonly LedgerEntry[],
  target: ProtestTarget,
  teamId: string,
): LedgerEntry[] {
  const replaced = new Set(ledger.flatMap((row) => (row.supersedes ? [row.supersedes] : [])));
  return ledger.filter((row) => {
    if (row.kind === 'void' || replaced.has(row.id)) return false;
    if (target.kind === 'match') return payloadOf(row)['matchId'] === target.matchId;
    return row.teamId === teamId;
  });
}
