import { compareKeys, type RankKey } from './rank-key';

/** Keys of the teams by index; undefined for a team that is not ranked. */
export type KeyOf = (teamIdx: number) => RankKey | undefined;

function compareTeams(keyOf: KeyOf, nameRank: readonly number[], a: number, b: number): number {
  return compareKeys(keyOf(a) as RankKey, keyOf(b) as RankKey) || nameRank[a] - nameRank[b];
}

/** Ranked team indices, best first; equal keys in name order. */
export function sortRanked(teamCount: number, keyOf: KeyOf, nameRank: readonly number[]): number[] {
  const ranked: number[] = [];
  for (let i = 0; i < teamCount; i++) if (keyOf(i) !== undefined) ranked.push(i);
  return ranked.sort((a, b) => compareTeams(keyOf, nameRank, a, b));
}

/**
 * The same order after some teams' keys changed: they are taken out and put back by binary search,
 * so one new ledger entry costs O(n) moves and O(log n) comparisons instead of a full sort.
 */
export function reorderRanked(
  order: readonly number[],
  changed: ReadonlySet<number>,
  keyOf: KeyOf,
  nameRank: readonly number[],
): number[] {
  const out = changed.size === 0 ? order.slice() : order.filter((i) => !changed.has(i));
  for (const teamIdx of changed) {
    if (keyOf(teamIdx) === undefined) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareTeams(keyOf, nameRank, out[mid], teamIdx) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, teamIdx);
  }
  return out;
}
