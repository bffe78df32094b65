import type { TeamRef } from '../ledger.types';
import { compareCollationKeys, compareNameCase, nameCollationKey } from '../ranking/name-collation';

/** The category's teams, looked up by id, with their position in name order (for tied and unranked rows). */
export interface TeamIndex {
  readonly teams: readonly TeamRef[];
  readonly position: ReadonlyMap<string, number>;
  /** nameRank[i]: position of teams[i] in name order (equal names: by id), whatever the input order. */
  readonly nameRank: readonly number[];
}

export function indexTeams(teams: readonly TeamRef[]): TeamIndex {
  const unique: TeamRef[] = [];
  const position = new Map<string, number>();
  for (const team of teams) {
    if (position.has(team.id)) continue;
    position.set(team.id, unique.length);
    unique.push(team);
  }
  const keys = unique.map((team) => nameCollationKey(team.name));
  const order = unique.map((_, i) => i);
  order.sort(
    (a, b) =>
      compareCollationKeys(keys[a], keys[b]) ||
      compareNameCase(unique[a].name, unique[b].name) ||
      compareIds(unique[a].id, unique[b].id),
  );
  const nameRank = new Array<number>(unique.length);
  order.forEach((teamIdx, rank) => (nameRank[teamIdx] = rank));
  return { teams: unique, position, nameRank };
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
