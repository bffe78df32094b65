import type { LedgerRecord, Standings, TeamRef } from '../lib/ledger.types';
import { validateEntry } from '../lib/ledger/validate-entry';
import { buildRuleSet } from '../lib/rule-set/build-rule-set';
import type { RuleSet } from '../lib/rule-set/rule-set';
import { computeStandings } from '../lib/standings/compute-standings';
import { applyEntry, createStandingsState, standingsOf } from '../lib/standings/standings-state';
import type { ScenarioFixture } from './scenario.types';

export interface ReplayedScenario {
  fixture: ScenarioFixture;
  ruleSet: RuleSet;
  teams: TeamRef[];
  ledger: LedgerRecord[];
  full: Standings;
  incremental: Standings;
}

/**
 * Builds the rule set, checks every entry with validateEntry (entries marked rejectedWith must be
 * refused with that key and are left out of the ledger), then computes the standings both in full
 * and one entry at a time.
 */
export function replayScenario(fixture: ScenarioFixture): ReplayedScenario {
  const built = buildRuleSet(fixture.preset, fixture.overrides ?? {});
  if (!built.ok)
    throw new Error(`rule set of "${fixture.title}" is invalid: ${JSON.stringify(built.errors)}`);
  const ruleSet = built.value;
  const teams: TeamRef[] = fixture.teams.map((t) => ({
    id: t.id,
    name: t.name,
    schoolId: t.schoolId ?? null,
    regionCode: t.regionCode ?? null,
    status: t.status ?? 'active',
    ageGroup: t.ageGroup ?? null,
  }));
  const ledger: LedgerRecord[] = [];
  fixture.entries.forEach((entry, position) => {
    const id = entry.id ?? `e${position + 1}`;
    const teamId = entry.team ?? null;
    const checked = validateEntry(ruleSet, {
      kind: entry.kind,
      teamId,
      payload: entry.payload,
      supersedes: entry.supersedes ?? null,
    });
    if (entry.rejectedWith) {
      const keys = checked.ok ? [] : checked.errors.map((e) => e.key);
      if (!keys.includes(entry.rejectedWith)) {
        throw new Error(
          `entry ${id} should be refused with ${entry.rejectedWith}; got ${JSON.stringify(checked)}`,
        );
      }
      return;
    }
    if (!checked.ok) throw new Error(`entry ${id} is refused: ${JSON.stringify(checked.errors)}`);
    ledger.push({
      id,
      seq: position + 1,
      kind: entry.kind,
      teamId,
      payload: checked.value.payload,
      supersedes: entry.supersedes ?? null,
      authorId: 'judge-1',
      recordedAt: new Date(Date.UTC(2025, 3, 12, 9, 0, position)).toISOString(),
    });
  });
  const full = computeStandings(ruleSet, teams, ledger);
  let state = createStandingsState(ruleSet, teams);
  for (const record of ledger) state = applyEntry(state, record);
  return { fixture, ruleSet, teams, ledger, full, incremental: standingsOf(state) };
}

/** The rows in the fixture's vocabulary, keeping only the fields the fixture checks. */
export function rowsAsExpected(
  standings: Standings,
  fixture: ScenarioFixture,
): Record<string, unknown>[] {
  return standings.rows.map((row, i) => {
    const want = fixture.expected.rows[i] ?? {};
    const out: Record<string, unknown> = { team: row.teamId, place: row.place, status: row.status };
    if ('primary' in want) out.primary = row.primary;
    if ('display' in want) out.display = row.display;
    if ('provisional' in want) out.provisional = row.provisional ?? false;
    if (want.detail) {
      out.detail = Object.fromEntries(Object.keys(want.detail).map((k) => [k, row.detail[k]]));
    }
    return out;
  });
}
