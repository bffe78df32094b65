import type { LedgerEntry } from '@olympiad/contracts';
import { correctableEntries, matchesOfTeam } from './protest-targets';

const entry = (id: string, over: Partial<LedgerEntry> & { payload?: Record<string, unknown> }) =>
  ({
    id,
    categoryId: 'c',
    teamId: null,
    kind: 'sumo.match',
    payload: {},
    supersedes: null,
    reason: null,
    ...over,
  }) as LedgerEntry;

const ledger = [
  entry('m1', { payload: { matchId: 'G1-1', a: 'red', b: 'blue', events: [] } }),
  entry('m2', { payload: { matchId: 'G1-2', a: 'green', b: 'red', events: [] } }),
  entry('m3', { payload: { matchId: 'G1-3', a: 'green', b: 'blue', events: [] } }),
  entry('m2b', {
    payload: { matchId: 'G1-2', a: 'green', b: 'red', events: [] },
    supersedes: 'm2',
    reason: 'r',
  }),
  entry('a1', { kind: 'maze.attempt', teamId: 'red', payload: { attempt: 1 } }),
  entry('v1', { kind: 'void', teamId: 'red', supersedes: 'a1', reason: 'r' }),
  entry('a2', { kind: 'maze.attempt', teamId: 'red', payload: { attempt: 2 } }),
];

describe('what a protest can be about and correct', () => {
  it("lists a team's sumo matches by the teams the match entries name, once each", () => {
    expect(matchesOfTeam(ledger, 'red')).toEqual(['G1-1', 'G1-2']);
    expect(matchesOfTeam(ledger, 'blue')).toEqual(['G1-1', 'G1-3']);
  });

  it("offers the match's newest entries for a match, and the team's own counting entries otherwise", () => {
    expect(
      correctableEntries(ledger, { kind: 'match', matchId: 'G1-2' }, 'red').map((e) => e.id),
    ).toEqual(['m2b']);
    expect(correctableEntries(ledger, { kind: 'ranking' }, 'red').map((e) => e.id)).toEqual(['a2']);
  });
});
