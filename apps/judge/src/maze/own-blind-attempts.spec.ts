import { DOUBLE_PENDING, type LedgerRecord } from '@olympiad/scoring';
import { nextOwnMazeAttempt, ownBlindAttempts } from './own-blind-attempts';

const standIn = (
  id: string,
  authorId: string,
  attempt: number,
  state = 'awaiting-second',
  supersedes: string | null = null,
): LedgerRecord => ({
  id,
  seq: Number(id.slice(1)),
  kind: DOUBLE_PENDING,
  teamId: 't1',
  payload: { slot: `maze.attempt:t1:${attempt}`, state, teams: ['t1'] },
  supersedes,
  authorId,
  recordedAt: '2026-12-05T10:00:00Z',
});

describe('the next attempt in a double-entry maze', () => {
  it('moves on for the judge who entered the attempt, not for the second judge', () => {
    const records = [standIn('s1', 'j1', 1)];
    expect(nextOwnMazeAttempt([], ownBlindAttempts(records, 'j1').get('t1'), 3)).toBe(2);
    expect(nextOwnMazeAttempt([], ownBlindAttempts(records, 'j2').get('t1'), 3)).toBe(1);
  });

  it('moves on for both judges once the attempt is in review', () => {
    const records = [standIn('s1', 'j1', 1), standIn('s2', 'j2', 1, 'in-review', 's1')];
    expect(nextOwnMazeAttempt([], ownBlindAttempts(records, 'j1').get('t1'), 3)).toBe(2);
    expect(nextOwnMazeAttempt([], ownBlindAttempts(records, 'j2').get('t1'), 3)).toBe(2);
  });
});
