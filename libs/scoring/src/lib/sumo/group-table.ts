import { compareKeys, type KeyPart } from '../ranking/rank-key';
import { sharedPlaces } from '../ranking/shared-places';
import { applyTieDecisions } from '../ranking/tie-decisions';
import type { ResolvedMatch } from './bracket-resolve';
import { roundRobinTiesOf, type SumoGroupTieBreak, type SumoTournamentRules } from './sumo-rules';

export interface GroupRow {
  teamId: string;
  place: number;
  played: number;
  wins: number;
  draws: number;
  losses: number;
  points: number;
  /** Points (yuko) scored in the group's matches; a walkover counts as pointsToWin to 0. */
  roundsWon: number;
  roundsLost: number;
}

export interface GroupTable {
  rows: GroupRow[];
  /** Every match of the group is decided. */
  complete: boolean;
}

/** Rounds scored by (a, b) in a decided match. */
function roundsOf(match: ResolvedMatch, pointsToWin: number): [number, number] {
  const how = match.outcome?.how;
  if (how === 'no-show' || how === 'disqualification')
    return match.outcome?.winner === match.a ? [pointsToWin, 0] : [0, pointsToWin];
  if (how === 'double-no-show' || !match.live) return [0, 0];
  return [match.live.points.a, match.live.points.b];
}

/**
 * A round-robin group's table: points for wins, draws and losses, then the configured tie-breaks
 * among teams level on points (head-to-head points among just those teams, rounds won, rounds
 * lost), then the judges' decision. Teams still level share the place.
 */
export function groupTable(
  rules: SumoTournamentRules,
  pointsToWin: number,
  teamIds: readonly string[],
  matches: readonly ResolvedMatch[],
  decisionsNewestFirst: readonly (readonly string[])[],
  nameOrder: (a: string, b: string) => number,
): GroupTable {
  const rows = new Map<string, GroupRow>(
    teamIds.map((id) => [
      id,
      {
        teamId: id,
        place: 0,
        played: 0,
        wins: 0,
        draws: 0,
        losses: 0,
        points: 0,
        roundsWon: 0,
        roundsLost: 0,
      },
    ]),
  );
  const decided = matches.filter(
    (m) => m.outcome !== null && typeof m.a === 'string' && typeof m.b === 'string',
  );
  for (const match of decided) {
    const a = rows.get(match.a as string) as GroupRow;
    const b = rows.get(match.b as string) as GroupRow;
    const [ra, rb] = roundsOf(match, pointsToWin);
    const winner = match.outcome?.winner ?? null;
    for (const [row, scored, conceded, side] of [
      [a, ra, rb, match.a],
      [b, rb, ra, match.b],
    ] as const) {
      row.played += 1;
      row.roundsWon += scored;
      row.roundsLost += conceded;
      if (winner === side) {
        row.wins += 1;
        row.points += rules.points.win;
      } else if (winner === null && match.outcome?.how === 'draw') {
        row.draws += 1;
        row.points += rules.points.draw;
      } else {
        row.losses += 1;
        row.points += rules.points.loss;
      }
    }
  }
  const headToHead = (teamId: string, level: readonly string[]): number => {
    let points = 0;
    for (const match of decided) {
      if (!level.includes(match.a as string) || !level.includes(match.b as string)) continue;
      if (match.a !== teamId && match.b !== teamId) continue;
      if (match.outcome?.winner === teamId) points += rules.points.win;
      else if (match.outcome?.how === 'draw') points += rules.points.draw;
      else points += rules.points.loss;
    }
    return points;
  };
  const reapplied = roundRobinTiesOf(rules) === 'head-to-head-reapplied';
  /**
   * Head-to-head key parts of each team of `level`: its points in the matches among `level`; when
   * reapplied, then its points among the teams still level with it, until that separates no more.
   */
  const headToHeadParts = (level: readonly string[]): Map<string, KeyPart[]> => {
    const parts = new Map<string, KeyPart[]>();
    const byPoints = new Map<number, string[]>();
    for (const teamId of level) {
      const points = headToHead(teamId, level);
      byPoints.set(points, [...(byPoints.get(points) ?? []), teamId]);
    }
    for (const [points, same] of byPoints) {
      const deeper =
        reapplied && same.length > 1 && same.length < level.length ? headToHeadParts(same) : null;
      for (const teamId of same) parts.set(teamId, [-points, ...(deeper?.get(teamId) ?? [])]);
    }
    return parts;
  };
  const all = [...rows.values()];
  const headToHeadKeys = new Map<number, Map<string, KeyPart[]>>();
  const headToHeadKey = (row: GroupRow): KeyPart[] => {
    let parts = headToHeadKeys.get(row.points);
    if (!parts) {
      parts = headToHeadParts(all.filter((r) => r.points === row.points).map((r) => r.teamId));
      headToHeadKeys.set(row.points, parts);
    }
    return parts.get(row.teamId) as KeyPart[];
  };
  const keyOf = (row: GroupRow): KeyPart[] => {
    const key: KeyPart[] = [-row.points];
    for (const tieBreak of rules.groupTieBreaks as readonly SumoGroupTieBreak[]) {
      if (tieBreak === 'head-to-head') key.push(...headToHeadKey(row));
      if (tieBreak === 'rounds-won') key.push(-row.roundsWon);
      if (tieBreak === 'rounds-lost') key.push(row.roundsLost);
    }
    return key;
  };
  const keys = new Map(all.map((row) => [row.teamId, keyOf(row)]));
  const sorted = all.sort(
    (x, y) =>
      compareKeys(keys.get(x.teamId) as KeyPart[], keys.get(y.teamId) as KeyPart[]) ||
      nameOrder(x.teamId, y.teamId),
  );
  let places = sharedPlaces(
    sorted,
    (x, y) => compareKeys(keys.get(x.teamId) as KeyPart[], keys.get(y.teamId) as KeyPart[]) === 0,
  );
  let ordered = sorted;
  if (rules.groupTieBreaks.includes('decision')) {
    const split = applyTieDecisions(sorted, places, (r) => r.teamId, decisionsNewestFirst);
    ordered = split.sorted;
    places = split.places;
  }
  ordered.forEach((row, i) => (row.place = places[i]));
  return { rows: ordered, complete: matches.every((m) => m.outcome !== null) };
}
