import type { LedgerRecord, TeamRef } from '../ledger.types';
import { presetRuleSet } from '../rule-set/presets';
import type { RuleSet } from '../rule-set/rule-set';
import { computeStandings } from './compute-standings';
import { applyEntry, createStandingsState, standingsOf } from './standings-state';

const ruleSet = presetRuleSet('maze-default') as RuleSet;
const teams: TeamRef[] = [
  { id: 'a', name: 'Алтын', status: 'active' },
  { id: 'b', name: 'Бүркіт', status: 'active' },
  { id: 'c', name: 'Сұңқар', status: 'active' },
];

let seq = 0;
function attempt(
  id: string,
  teamId: string,
  timeMs: number,
  options: { attempt?: number; touches?: number; supersedes?: string; sensor?: boolean } = {},
): LedgerRecord {
  return {
    id,
    seq: ++seq,
    kind: 'maze.attempt',
    teamId,
    payload: {
      attempt: options.attempt ?? 1,
      outcome: 'finished',
      timeMs,
      touches: options.touches ?? 0,
      checkpoints: [],
      lastCheckpointMs: null,
      endedBy: null,
      timing: 'sensor',
    },
    supersedes: options.supersedes ?? null,
    authorId: options.sensor ? 'device:gate-1' : 'judge-1',
    recordedAt: '2026-12-05T10:00:00Z',
    ...(options.sensor ? { unconfirmed: true } : {}),
  };
}

/** Both ways the API computes standings: one entry at a time, and the full replay; they agree. */
function standings(entries: LedgerRecord[]) {
  let state = createStandingsState(ruleSet, teams);
  for (const entry of entries) state = applyEntry(state, entry);
  const incremental = standingsOf(state);
  expect(incremental).toEqual(computeStandings(ruleSet, teams, entries));
  return incremental.rows;
}

const rowOf = (rows: ReturnType<typeof standings>, teamId: string) =>
  rows.find((row) => row.teamId === teamId);

describe('a sensor-timed entry no judge has confirmed yet', () => {
  it('places no team: the gate time is shown as unconfirmed, the team stays unranked', () => {
    const rows = standings([
      attempt('a1', 'a', 120_000),
      attempt('c1', 'c', 130_000),
      attempt('b1', 'b', 107_981, { sensor: true }),
    ]);
    expect(rows.map((row) => [row.teamId, row.place])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', null],
    ]);
    expect(rowOf(rows, 'b')).toMatchObject({
      status: 'not-scored',
      primary: null,
      unconfirmed: { primary: 107_981, display: '1:47.981', timePrecision: 'ms' },
    });
    expect(rowOf(rows, 'a')?.unconfirmed).toBeUndefined();
  });

  it('counts once the judge confirms it, with the touches the judge added', () => {
    const rows = standings([
      attempt('a1', 'a', 120_000),
      attempt('b1', 'b', 107_981, { sensor: true }),
      attempt('b1-confirmed', 'b', 107_981, { touches: 1, supersedes: 'b1' }),
    ]);
    expect(rowOf(rows, 'b')).toMatchObject({ place: 1, status: 'ranked', primary: 117_981 });
    expect(rowOf(rows, 'b')?.unconfirmed).toBeUndefined();
  });

  it('leaves the team its confirmed result and place while a later attempt awaits the judge', () => {
    const rows = standings([
      attempt('a1', 'a', 120_000),
      attempt('b1', 'b', 125_000),
      attempt('b2', 'b', 100_000, { attempt: 2, sensor: true }),
    ]);
    expect(rowOf(rows, 'b')).toMatchObject({
      place: 2,
      primary: 125_000,
      unconfirmed: { primary: 100_000 },
    });
  });

  it("marks nothing once a judge's own entry for the attempt or a void replaced it", () => {
    const replaced = standings([
      attempt('a1', 'a', 95_000, { sensor: true }),
      attempt('a1-by-hand', 'a', 97_000),
    ]);
    expect(rowOf(replaced, 'a')).toMatchObject({ place: 1, primary: 97_000 });
    expect(rowOf(replaced, 'a')?.unconfirmed).toBeUndefined();
    const voided = standings([
      attempt('c1', 'c', 99_000, { sensor: true }),
      { ...attempt('c1-void', 'c', 0, { supersedes: 'c1' }), kind: 'void', payload: {} },
    ]);
    expect(rowOf(voided, 'c')).toMatchObject({ status: 'not-scored', place: null });
    expect(rowOf(voided, 'c')?.unconfirmed).toBeUndefined();
  });
});
