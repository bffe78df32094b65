import type { LedgerRecord } from '../ledger.types';
import {
  mazeAttemptQueue,
  mazeAttemptsByTeam,
  mazeQueueWaiting,
  nextMazeAttempt,
  type MazeQueueTeam,
} from './maze-queue';

let seq = 0;
function entry(
  teamId: string,
  payload: Record<string, unknown>,
  supersedes: string | null = null,
): LedgerRecord {
  seq += 1;
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
const finished = (attempt: number, timeMs = 50_000) => ({ attempt, outcome: 'finished', timeMs });
const team = (
  id: string,
  name: string,
  categoryId = 'maze-34',
  status: MazeQueueTeam['status'] = 'active',
): MazeQueueTeam => ({
  id,
  name,
  categoryId,
  status,
});

describe('maze attempts and the running order of a field', () => {
  beforeEach(() => {
    seq = 0;
  });

  it('counts the attempts that stand after corrections and voids, and offers the first unused', () => {
    const first = entry('t1', finished(1));
    const records = [
      first,
      entry('t1', { ...finished(1), touches: 1 }, first.id),
      entry('t1', { attempt: 2, outcome: 'not-finished', endedBy: 'stall' }),
      entry('t2', finished(1, 61_000)),
      entry('t2', { reason: 'wrong team' }, 'e4'),
    ];
    const byTeam = mazeAttemptsByTeam(records);
    expect(byTeam.get('t1')?.map((a) => [a.entryId, a.payload.attempt, a.payload.touches])).toEqual(
      [
        ['e2', 1, 1],
        ['e3', 2, 0],
      ],
    );
    expect(byTeam.get('t2')).toBeUndefined();
    expect(nextMazeAttempt(byTeam.get('t1'), 3)).toBe(3);
    expect(nextMazeAttempt(byTeam.get('t2'), 3)).toBe(1);
    expect(nextMazeAttempt(byTeam.get('t1'), 2)).toBeNull();
  });

  it('runs round by round, by name within a round, with teams that used every attempt last', () => {
    const queue = mazeAttemptQueue(
      [
        {
          id: 'maze-34',
          attempts: 2,
          records: [entry('a', finished(1)), entry('c', finished(1)), entry('c', finished(2))],
        },
      ],
      [team('c', 'Тұлпар'), team('b', 'Барыс'), team('a', 'Арлан'), team('d', 'Әлем')],
    );
    expect(queue.map((e) => [e.name, e.attemptsUsed, e.nextAttempt])).toEqual([
      ['Әлем', 0, 1],
      ['Барыс', 0, 1],
      ['Арлан', 1, 2],
      ['Тұлпар', 2, null],
    ]);
    expect(queue[0]).toMatchObject({ categoryId: 'maze-34', attemptsAllowed: 2 });
  });

  it('leaves out teams that do not run and teams of other categories, and takes each category’s attempts', () => {
    const queue = mazeAttemptQueue(
      [
        { id: 'maze-34', attempts: 3, records: [] },
        { id: 'maze-56', attempts: 1, records: [entry('y', finished(1))] },
      ],
      [
        team('x', 'Absent', 'maze-34', 'absent'),
        team('w', 'Withdrawn', 'maze-34', 'withdrawn'),
        team('s', 'Sumo team', 'sumo-34'),
        team('y', 'Yesil', 'maze-56'),
        team('z', 'Zhuldyz', 'maze-34'),
      ],
    );
    expect(queue.map((e) => [e.teamId, e.attemptsAllowed, e.nextAttempt])).toEqual([
      ['z', 3, 1],
      ['y', 1, null],
    ]);
  });

  it('moves on past the team on the field, and past a team once its attempt is recorded', () => {
    const teams = [team('a', 'Арлан'), team('b', 'Барыс'), team('c', 'Қыран')];
    const before = mazeAttemptQueue([{ id: 'maze-34', attempts: 2, records: [] }], teams);
    expect(mazeQueueWaiting(before).map((e) => e.teamId)).toEqual(['a', 'b', 'c']);
    // Арлан is armed on the field: the next one waiting is Барыс.
    expect(mazeQueueWaiting(before, 'a').map((e) => e.teamId)).toEqual(['b', 'c']);
    // Арлан's attempt 1 is recorded: Арлан waits for attempt 2 after the others' first.
    const after = mazeAttemptQueue(
      [{ id: 'maze-34', attempts: 2, records: [entry('a', finished(1))] }],
      teams,
    );
    expect(mazeQueueWaiting(after).map((e) => [e.teamId, e.nextAttempt])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 2],
    ]);
  });
});
