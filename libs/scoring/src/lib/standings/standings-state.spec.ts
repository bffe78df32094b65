import type { LedgerRecord, TeamRef } from '../ledger.types';
import { presetRuleSet } from '../rule-set/presets';
import type { RuleSet } from '../rule-set/rule-set';
import { computeStandings } from './compute-standings';
import { applyEntry, createStandingsState, standingsOf } from './standings-state';

const ruleSet = presetRuleSet('maze-default') as RuleSet;
const teams: TeamRef[] = [
  { id: 'a', name: 'Алтын', status: 'active' },
  { id: 'b', name: 'Бүркіт', status: 'active' },
];
const attempt = (
  id: string,
  seq: number,
  teamId: string,
  timeMs: number,
  supersedes: string | null = null,
): LedgerRecord => ({
  id,
  seq,
  kind: 'maze.attempt',
  teamId,
  payload: {
    attempt: 1,
    outcome: 'finished',
    timeMs,
    touches: 0,
    checkpoints: [],
    lastCheckpointMs: null,
    endedBy: null,
    timing: 'sensor',
  },
  supersedes,
  authorId: 'j',
  recordedAt: '2025-01-01T00:00:00Z',
});

describe('standings state', () => {
  it('starts with every team not scored, never at 0', () => {
    const rows = standingsOf(createStandingsState(ruleSet, teams)).rows;
    expect(rows.map((r) => [r.teamId, r.status, r.place, r.primary])).toEqual([
      ['a', 'not-scored', null, null],
      ['b', 'not-scored', null, null],
    ]);
  });

  it('leaves the previous state as it was', () => {
    const s0 = createStandingsState(ruleSet, teams);
    const s1 = applyEntry(s0, attempt('e1', 1, 'a', 60_000));
    const s2 = applyEntry(s1, attempt('e2', 2, 'b', 50_000));
    expect(standingsOf(s1).rows[0]).toMatchObject({ teamId: 'a', place: 1 });
    expect(standingsOf(s2).rows[0]).toMatchObject({ teamId: 'b', place: 1 });
    expect(standingsOf(s0).rows.every((r) => r.status === 'not-scored')).toBe(true);
    expect(s2.entryCount).toBe(2);
  });

  it('ignores an entry sent twice (same id)', () => {
    const s1 = applyEntry(createStandingsState(ruleSet, teams), attempt('e1', 1, 'a', 60_000));
    expect(applyEntry(s1, attempt('e1', 1, 'a', 60_000))).toBe(s1);
  });

  it('moves a result when a correction names another team', () => {
    const entries = [attempt('e1', 1, 'a', 60_000), attempt('e2', 2, 'b', 70_000, 'e1')];
    let state = createStandingsState(ruleSet, teams);
    for (const e of entries) state = applyEntry(state, e);
    const rows = standingsOf(state).rows;
    expect(rows.map((r) => [r.teamId, r.status, r.primary])).toEqual([
      ['b', 'ranked', 70_000],
      ['a', 'not-scored', null],
    ]);
    expect(standingsOf(state)).toEqual(computeStandings(ruleSet, teams, entries));
  });
});
