import type { AwardPlace, StandingsSnapshot } from '@olympiad/contracts';

/**
 * The podium in reveal order: the distinct places up to `podium` among ranked rows, lowest
 * first (3rd, 2nd, 1st). Shared places are revealed together; a shared 2nd means there is no
 * 3rd, so the podium then has fewer steps.
 */
export function podiumInRevealOrder(snapshot: StandingsSnapshot, podium: number): AwardPlace[] {
  const byPlace = new Map<number, AwardPlace>();
  for (const row of snapshot.standings.rows) {
    if (row.status !== 'ranked' || row.place === null || row.place > podium) continue;
    const team = snapshot.teams[row.teamId];
    const step = byPlace.get(row.place) ?? { place: row.place, teams: [] };
    step.teams.push({ teamId: row.teamId, name: team?.name ?? '', school: team?.school ?? '', display: row.display });
    byPlace.set(row.place, step);
  }
  return [...byPlace.values()].sort((a, b) => b.place - a.place);
}
