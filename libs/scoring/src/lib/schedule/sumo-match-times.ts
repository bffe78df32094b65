import type { LedgerRecord } from '../ledger.types';
import { resolveLedger } from '../ledger/resolve-ledger';
import { SUMO_MATCH } from '../sumo/sumo-entries';
import type { ResolvedMatch } from '../sumo/bracket-resolve';
import type { RingCandidate } from './ring-match-choice';

/**
 * When each finished match ended: the time its last counting entry was made. A match sent round by
 * round ends with its last round's entry.
 */
export function sumoMatchEndTimes(
  records: readonly LedgerRecord[],
  matches: readonly ResolvedMatch[],
): Map<string, number> {
  const lastEntry = new Map<string, number>();
  for (const { record } of resolveLedger(records).effective) {
    if (record.kind !== SUMO_MATCH) continue;
    const matchId = (record.payload as { matchId?: unknown } | null)?.matchId;
    const at = Date.parse(record.recordedAt);
    if (typeof matchId !== 'string' || Number.isNaN(at)) continue;
    lastEntry.set(matchId, Math.max(lastEntry.get(matchId) ?? -Infinity, at));
  }
  const result = new Map<string, number>();
  for (const match of matches) {
    const at = lastEntry.get(match.id);
    if (match.status === 'finished' && at !== undefined) result.set(match.id, at);
  }
  return result;
}

/** When each team's last finished match ended. */
export function teamsLastMatchEnd(
  matches: readonly ResolvedMatch[],
  endTimes: ReadonlyMap<string, number>,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const match of matches) {
    const at = endTimes.get(match.id);
    if (at === undefined) continue;
    for (const team of [match.a, match.b]) {
      if (typeof team === 'string' && at > (result.get(team) ?? -Infinity)) result.set(team, at);
    }
  }
  return result;
}

/** The matches still to play between two known teams, in playing order, as a ring sees them. */
export function sumoRingCandidates(matches: readonly ResolvedMatch[]): RingCandidate[] {
  const open = new Set(['ready', 'in-progress', 'awaiting-decision']);
  return matches.flatMap((match) =>
    typeof match.a === 'string' && typeof match.b === 'string' && open.has(match.status)
      ? [{ id: match.id, a: match.a, b: match.b, underWay: match.status !== 'ready' }]
      : [],
  );
}
