import type { LedgerRecord } from '@olympiad/scoring';
import { sameAsProvisional } from './maze-attempt-form';
import { attemptsByTeam, nextAttempt } from './maze-team-attempts';

function attempt(
  seq: number,
  teamId: string,
  payload: Record<string, unknown>,
  supersedes: string | null = null,
): LedgerRecord {
  return {
    id: `e${seq}`,
    seq,
    kind: payload['reason'] ? 'void' : 'maze.attempt',
    teamId,
    payload,
    supersedes,
    authorId: 'j1',
    recordedAt: '2026-12-05T09:00:00Z',
  };
}

describe('maze attempts on the tablet', () => {
  it('counts the attempts that stand after corrections and voids, and offers the first unused', () => {
    const records = [
      attempt(1, 't1', { attempt: 1, outcome: 'finished', timeMs: 50_000 }),
      attempt(2, 't1', { attempt: 1, outcome: 'finished', timeMs: 50_000, touches: 1 }, 'e1'),
      attempt(3, 't1', { attempt: 2, outcome: 'not-finished', endedBy: 'stall' }),
      attempt(4, 't2', { attempt: 1, outcome: 'finished', timeMs: 61_000 }),
      attempt(5, 't2', { reason: 'wrong team' }, 'e4'),
    ];
    const byTeam = attemptsByTeam(records);
    expect(byTeam.get('t1')?.map((a) => [a.entryId, a.payload.attempt, a.payload.touches])).toEqual(
      [
        ['e2', 1, 1],
        ['e3', 2, 0],
      ],
    );
    expect(byTeam.get('t2')).toBeUndefined();
    expect(nextAttempt(byTeam.get('t1'), 3)).toBe(3);
    expect(nextAttempt(byTeam.get('t2'), 3)).toBe(1);
    expect(nextAttempt(byTeam.get('t1'), 2)).toBeNull();
  });

  it('adds nothing when the judge confirms the sensor time as the finish gate recorded it', () => {
    const asRecorded = {
      outcome: 'finished',
      timing: 'sensor',
      timeMs: 47_380,
      touches: 0,
      checkpoints: [],
    };
    expect(sameAsProvisional(asRecorded, 47_380)).toBe(true);
    expect(sameAsProvisional({ ...asRecorded, touches: 1 }, 47_380)).toBe(false);
    expect(sameAsProvisional({ ...asRecorded, timing: 'stopwatch', timeMs: 47_400 }, 47_380)).toBe(
      false,
    );
    expect(sameAsProvisional({ ...asRecorded, outcome: 'void', timeMs: null }, 47_380)).toBe(false);
  });
});
