import {
  computeStandings,
  presetRuleSet,
  type LedgerRecord,
  type RuleSet,
} from '@olympiad/scoring';
import { blindOutboxRecord } from './blind-outbox-record';

const maze = presetRuleSet('maze-default') as RuleSet;
const teams = [{ id: 't1', name: 'Қыран', status: 'active' as const }];
const entry: LedgerRecord = {
  id: 'e1',
  seq: 1,
  kind: 'maze.attempt',
  teamId: 't1',
  payload: { attempt: 1, outcome: 'finished', timeMs: 61_230, touches: 0 },
  supersedes: null,
  authorId: 'j1',
  recordedAt: '2026-12-05T10:00:00Z',
};

describe("a judge's entry waiting in the outbox", () => {
  it('counts in a single-entry category', () => {
    const [row] = computeStandings(maze, teams, [blindOutboxRecord(maze, entry)]).rows;
    expect(row).toMatchObject({ status: 'ranked', primary: 61_230 });
  });

  it('awaits the second judge in a double-entry category, showing none of its values', () => {
    const double = { ...maze, entry: 'double' } as RuleSet;
    const [row] = computeStandings(double, teams, [blindOutboxRecord(double, entry)]).rows;
    expect(row).toMatchObject({ status: 'not-scored', review: 'awaiting-second' });
  });
});
