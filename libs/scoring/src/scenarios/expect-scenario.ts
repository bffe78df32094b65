import { resolveLedger } from '../lib/ledger/resolve-ledger';
import type { SumoRuleSet } from '../lib/sumo/sumo-rules';
import { sumoTournament } from '../lib/sumo/tournament';
import type { ScenarioFixture } from './scenario.types';
import { replayScenario, rowsAsExpected, type ReplayedScenario } from './replay-scenario';

const byEntryThenKey = (a: { entryId: string; key: string }, b: { entryId: string; key: string }) =>
  a.entryId.localeCompare(b.entryId) || a.key.localeCompare(b.key);

/**
 * Replays a scenario fixture (imported JSON) and checks every row and the warnings, for the full
 * and for the incremental standings, which must also be identical to each other.
 */
export function expectScenario(json: unknown): ReplayedScenario {
  const fixture = json as ScenarioFixture;
  const replayed = replayScenario(fixture);
  for (const standings of [replayed.full, replayed.incremental]) {
    expect(rowsAsExpected(standings, fixture)).toEqual(fixture.expected.rows);
    const warnings = (standings.warnings ?? [])
      .map((w) => ({ entryId: w.entryId, key: w.key }))
      .sort(byEntryThenKey);
    expect(warnings).toEqual([...(fixture.expected.warnings ?? [])].sort(byEntryThenKey));
  }
  expect(replayed.incremental).toEqual(replayed.full);
  const wantMatches = fixture.expected.matches;
  if (wantMatches) {
    const tournament = sumoTournament(
      replayed.ruleSet as SumoRuleSet,
      replayed.teams,
      resolveLedger(replayed.ledger).effective,
    );
    const all = [...tournament.groups.flatMap((g) => g.matches), ...tournament.bracket];
    const got = Object.fromEntries(
      Object.entries(wantMatches).map(([id, want]) => {
        const match = all.find((m) => m.id === id);
        const seen: Record<string, unknown> = {};
        if ('winner' in want) seen.winner = match?.outcome?.winner;
        if ('how' in want) seen.how = match?.outcome?.how;
        if ('state' in want) seen.state = match?.status;
        if ('a' in want) seen.a = match?.a;
        if ('b' in want) seen.b = match?.b;
        return [id, seen];
      }),
    );
    expect(got).toEqual(wantMatches);
  }
  return replayed;
}
