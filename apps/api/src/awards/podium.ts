import type { AwardPlace, StandingsSnapshot } from '@olympiad/contracts';
import { rowResultText, tablePrecisionOf } from '@olympiad/scoring';

/**
 * The podium in reveal order: the distinct places up to `podium` among ranked rows, lowest
 * first (3rd, 2nd, 1st). Shared places are revealed together; a shared 2nd means there is no
 * 3rd, so the podium then has fewer steps.
 */
export function podiumInRevealOrder(snapshot: StandingsSnapshot, podium: number): AwardPlace[] {
  const byPlace = new Map<number, AwardPlace>();
  // The podium writes its times like the category's table (docs/results-display.md).
  const precision = tablePrecisionOf(snapshot.standings.rows);
  for (const row of snapshot.standings.rows) {
    if (row.status !== 'ranked' || row.place === null || row.place > podium) continue;
    const team = snapshot.teams[row.teamId];
    const step = byPlace.get(row.place) ?? { place: row.place, teams: [] };
    step.teams.push({
      teamId: row.teamId,
      name: team?.name ?? '',
      school: team?.school ?? '',
      display: rowResultText(row, precision),
    });
    byPlace.set(row.place, step);
  }
  return [...byPlace.values()].sort((a, b) => b.place - a.place);
}
