import type { StandingsDelta, StandingsSnapshot } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';

/**
 * The standings of one category as a viewer holds them: the last snapshot with every delta since
 * applied. Deltas must come in version order without gaps; a gap means one was lost, and only a
 * fresh snapshot can repair that.
 */

export type DeltaOutcome =
  | { kind: 'applied'; standings: StandingsSnapshot; needsResync: boolean }
  | { kind: 'stale' }
  | { kind: 'gap' };

function byPlace(a: StandingRow, b: StandingRow): number {
  return (a.place ?? Number.POSITIVE_INFINITY) - (b.place ?? Number.POSITIVE_INFINITY);
}

/**
 * Applies a delta. A version already seen is stale; a version more than one ahead is a gap.
 * Changed rows replace the team's row; a team not seen before is added. Rows are kept in place
 * order, unranked rows after ranked ones in the order the server gave. A team whose name the
 * snapshot did not carry asks for a resync (after applying), so its name can be shown.
 */
export function applyDelta(current: StandingsSnapshot, delta: StandingsDelta): DeltaOutcome {
  if (delta.categoryId !== current.categoryId || delta.version <= current.version)
    return { kind: 'stale' };
  // A merged delta (from → version) carries whole rows, so it applies on any version it spans.
  if ((delta.from ?? delta.version - 1) > current.version) return { kind: 'gap' };
  const changed = new Map(delta.changed.map((row) => [row.teamId, row]));
  const rows = current.standings.rows.map((row) => changed.get(row.teamId) ?? row);
  const known = new Set(current.standings.rows.map((row) => row.teamId));
  for (const row of delta.changed) if (!known.has(row.teamId)) rows.push(row);
  rows.sort(byPlace);
  const needsResync = delta.changed.some((row) => !current.teams[row.teamId]);
  return {
    kind: 'applied',
    standings: { ...current, version: delta.version, standings: { ...current.standings, rows } },
    needsResync,
  };
}

/** Whether a snapshot that arrives (pushed or asked for) should replace what is held. */
export function isNewer(
  current: StandingsSnapshot | undefined,
  incoming: StandingsSnapshot,
): boolean {
  return !current || incoming.version >= current.version;
}
