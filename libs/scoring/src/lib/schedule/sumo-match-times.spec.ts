import type { LedgerRecord } from '../ledger.types';
import type { ResolvedMatch } from '../sumo/bracket-resolve';
import { sumoMatchEndTimes, sumoRingCandidates, teamsLastMatchEnd } from './sumo-match-times';

const match = (
  id: string,
  a: string | null | undefined,
  b: string | null | undefined,
  status: ResolvedMatch['status'],
): ResolvedMatch => ({
  id,
  stage: 'group',
  round: 1,
  a,
  b,
  status,
  outcome: null,
  live: null,
});
let seq = 0;
const entry = (
  matchId: string,
  at: string,
  supersedes: string | null = null,
  id = `e${++seq}`,
): LedgerRecord => ({
  id,
  seq: ++seq,
  kind: 'sumo.match',
  teamId: null,
  payload: { matchId, a: 'A', b: 'B', events: [] },
  supersedes,
  authorId: 'j',
  recordedAt: at,
});

describe('when sumo matches ended, for rests and pace', () => {
  const matches = [
    match('m1', 'A', 'B', 'finished'),
    match('m2', 'C', 'D', 'in-progress'),
    match('m3', 'A', 'C', 'finished'),
  ];

  it('a finished match ends with its last counting entry; one under way has not ended', () => {
    const records = [
      entry('m1', '2026-12-06T10:00:00.000Z'),
      entry('m1', '2026-12-06T10:02:00.000Z'),
      entry('m2', '2026-12-06T10:03:00.000Z'),
      entry('m3', '2026-12-06T10:05:00.000Z'),
    ];
    expect(Object.fromEntries(sumoMatchEndTimes(records, matches))).toEqual({
      m1: Date.parse('2026-12-06T10:02:00.000Z'),
      m3: Date.parse('2026-12-06T10:05:00.000Z'),
    });
  });

  it('a corrected entry counts at the correction’s time, not the one it replaced', () => {
    const first = entry('m1', '2026-12-06T10:00:00.000Z', null, 'first');
    const records = [first, entry('m1', '2026-12-06T10:09:00.000Z', 'first')];
    expect(sumoMatchEndTimes(records, matches).get('m1')).toBe(
      Date.parse('2026-12-06T10:09:00.000Z'),
    );
  });

  it('gives each team the end of its latest match', () => {
    const ends = new Map([
      ['m1', 100],
      ['m3', 300],
    ]);
    expect(Object.fromEntries(teamsLastMatchEnd(matches, ends))).toEqual({
      A: 300,
      B: 100,
      C: 300,
    });
  });

  it('offers a ring only matches still to play between two known teams, marking those begun', () => {
    const all = [
      ...matches,
      match('m4', 'E', undefined, 'pending'),
      match('m5', 'E', null, 'bye'),
      match('m6', 'E', 'F', 'ready'),
    ];
    expect(sumoRingCandidates(all)).toEqual([
      { id: 'm2', a: 'C', b: 'D', underWay: true },
      { id: 'm6', a: 'E', b: 'F', underWay: false },
    ]);
  });
});
