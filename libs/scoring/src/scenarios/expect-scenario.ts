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
    const warnings = (standings.warnings ?? []).map((w) => ({ entryId: w.entryId, key: w.key })).sort(byEntryThenKey);
    expect(warnings).toEqual([...(fixture.expected.warnings ?? [])].sort(byEntryThenKey));
  }
  expect(replayed.incremental).toEqual(replayed.full);
  return replayed;
}
