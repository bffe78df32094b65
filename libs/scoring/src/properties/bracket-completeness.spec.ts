import { seededRandom } from '../lib/common/seeded-random';
import type { LedgerRecord, TeamRef } from '../lib/ledger.types';
import { presetRuleSet } from '../lib/rule-set/presets';
import { computeStandings } from '../lib/standings/compute-standings';
import { drawSumo } from '../lib/sumo/seeding';
import type { SumoRuleSet } from '../lib/sumo/sumo-rules';
import { sumoTournamentOf } from '../lib/sumo/sumo-tournament-of';

/** Plays every match of a drawn bracket with random 2–0 or 2–1 results until nothing is left to play. */
function playOut(ruleSet: SumoRuleSet, teams: TeamRef[], seed: number) {
  const random = seededRandom(seed);
  const entries: LedgerRecord[] = [];
  const add = (kind: string, payload: unknown) =>
    entries.push({
      id: `e${entries.length + 1}`,
      seq: entries.length + 1,
      kind,
      teamId: null,
      payload,
      supersedes: null,
      authorId: 'j',
      recordedAt: '2025-01-01T00:00:00Z',
    });
  add('sumo.draw', drawSumo(ruleSet, teams, seed));
  for (;;) {
    const tournament = sumoTournamentOf(ruleSet, teams, entries);
    const ready = tournament.bracket.filter((m) => m.status === 'ready');
    if (ready.length === 0) return { tournament, entries };
    const match = random.pick(ready);
    const winner = random.pick(['a', 'b'] as const);
    const loser = winner === 'a' ? 'b' : 'a';
    const events = random.next() < 0.5 ? [winner, winner] : [loser, winner, winner];
    add('sumo.match', {
      matchId: match.id,
      a: match.a,
      b: match.b,
      events: events.map((side) => ({ type: 'point', side })),
    });
  }
}

function teamsOf(n: number): TeamRef[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i + 1}`,
    name: `Team ${i + 1}`,
    schoolId: `s${i % 5}`,
    regionCode: `r${i % 3}`,
    status: 'active' as const,
  }));
}

const SIZES = [2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 47, 64, 65, 100, 127, 128];

describe('a bracket for N teams places every team once and has the right number of matches', () => {
  it.each(SIZES)('single elimination with a third-place match, N = %i', (n) => {
    const ruleSet = presetRuleSet('sumo-default') as SumoRuleSet;
    ruleSet.params.tournament.format = 'single-elimination';
    const teams = teamsOf(n);
    const { tournament, entries } = playOut(ruleSet, teams, n * 31);
    const played = tournament.bracket.filter((m) => m.status === 'finished');
    expect(played).toHaveLength(n - 1 + (n >= 4 ? 1 : 0));
    expect(tournament.bracket.every((m) => m.status === 'finished' || m.status === 'bye')).toBe(
      true,
    );

    const standings = computeStandings(ruleSet, teams, entries);
    expect(standings.rows.map((r) => r.teamId).sort()).toEqual(teams.map((t) => t.id).sort());
    const places = standings.rows.map((r) => r.place);
    expect(places.filter((p) => p === 1)).toHaveLength(1);
    if (n >= 2) expect(places.filter((p) => p === 2)).toHaveLength(1);
    if (n >= 3) expect(places.filter((p) => p === 3)).toHaveLength(1);
    if (n >= 4) expect(places.filter((p) => p === 4)).toHaveLength(1);
    expect(standings.rows.every((r) => r.status === 'ranked' && !r.provisional)).toBe(true);
  });

  it.each(SIZES)('double elimination, N = %i', (n) => {
    const ruleSet = presetRuleSet('mini-sumo') as SumoRuleSet;
    const teams = teamsOf(n);
    const { tournament, entries } = playOut(ruleSet, teams, n * 17);
    const played = tournament.bracket.filter((m) => m.status === 'finished');
    const reset = tournament.bracket.find((m) => m.id === 'GF2')?.status === 'finished' ? 1 : 0;
    expect(played).toHaveLength(2 * n - 2 + reset);

    // Every team but the champion lost exactly twice (the champion at most once).
    const losses = new Map<string, number>();
    for (const m of played)
      losses.set(m.outcome?.loser as string, (losses.get(m.outcome?.loser as string) ?? 0) + 1);
    const champion = computeStandings(ruleSet, teams, entries).rows.find((r) => r.place === 1)
      ?.teamId as string;
    for (const team of teams)
      expect(losses.get(team.id) ?? 0).toBe(team.id === champion ? reset : 2);

    const standings = computeStandings(ruleSet, teams, entries);
    expect(standings.rows.map((r) => r.teamId).sort()).toEqual(teams.map((t) => t.id).sort());
    expect(standings.rows.filter((r) => r.place === 1)).toHaveLength(1);
    expect(standings.rows.filter((r) => r.place === 2)).toHaveLength(1);
    expect(standings.rows.every((r) => r.status === 'ranked' && !r.provisional)).toBe(true);
  });
});
