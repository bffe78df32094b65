import type { LedgerRecord } from '../ledger.types';
import {
  mazeAttemptQueue,
  mazeAttemptsByTeam,
  mazeQueueWaiting,
  mazeTableOfTeams,
  nextMazeAttempt,
  provisionalAttemptState,
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

  it('splits a category run at two tables: each team at one table, consecutive blocks in name order', () => {
    // Listed in name order; the split gets them shuffled.
    const names = ['Арлан', 'Әлем', 'Барыс', 'Қыран', 'Тұлпар'];
    const teams = names.map((name, index) => ({ id: `t${index}`, name, categoryId: 'maze-34' }));
    const tables = mazeTableOfTeams(
      [
        { id: 'table-1', categoryIds: ['maze-34'] },
        { id: 'table-2', categoryIds: ['maze-34'] },
      ],
      [teams[3], teams[0], teams[4], teams[2], teams[1]],
    );
    const at = (tableId: string) =>
      teams.filter((t) => tables.get(t.id) === tableId).map((t) => t.name);
    // The first table takes the larger block.
    expect(at('table-1')).toEqual(['Арлан', 'Әлем', 'Барыс']);
    expect(at('table-2')).toEqual(['Қыран', 'Тұлпар']);
    expect(tables.size).toBe(5);
    // The same answer whatever order the teams come in.
    expect(
      mazeTableOfTeams(
        [
          { id: 'table-1', categoryIds: ['maze-34'] },
          { id: 'table-2', categoryIds: ['maze-34'] },
        ],
        [...teams].reverse(),
      ),
    ).toEqual(tables);
  });

  it('keeps a category at one table whole, splits only the shared one, and leaves out categories no table runs', () => {
    const teams = [
      { id: 'a', name: 'Арлан', categoryId: 'maze-34' },
      { id: 'b', name: 'Барыс', categoryId: 'maze-34' },
      { id: 'c', name: 'Қыран', categoryId: 'maze-56' },
      { id: 'd', name: 'Дала', categoryId: 'maze-56' },
      { id: 'e', name: 'Елік', categoryId: 'maze-78' },
    ];
    const tables = mazeTableOfTeams(
      [
        { id: 'table-1', categoryIds: ['maze-34', 'maze-56'] },
        { id: 'table-2', categoryIds: ['maze-56'] },
      ],
      teams,
    );
    expect(Object.fromEntries(tables)).toEqual({
      a: 'table-1',
      b: 'table-1',
      d: 'table-1',
      c: 'table-2',
    });
  });

  it('gives three tables of seven teams blocks of 3, 2 and 2, and a table with no team left gets none', () => {
    const teams = ['А', 'Ә', 'Б', 'В', 'Г', 'Ғ', 'Д'].map((name, i) => ({
      id: `t${i}`,
      name,
      categoryId: 'maze-34',
    }));
    const three = ['x', 'y', 'z'].map((id) => ({ id, categoryIds: ['maze-34'] }));
    const count = (tables: Map<string, string>, id: string) =>
      [...tables.values()].filter((tableId) => tableId === id).length;
    const split = mazeTableOfTeams(three, teams);
    expect(['x', 'y', 'z'].map((id) => count(split, id))).toEqual([3, 2, 2]);
    const few = mazeTableOfTeams(three, teams.slice(0, 2));
    expect(['x', 'y', 'z'].map((id) => count(few, id))).toEqual([1, 1, 0]);
  });

  it('tells whether a gate’s provisional attempt still stands or a judge replaced it', () => {
    const provisional = entry('t1', { ...finished(1, 47_381), timing: 'sensor' });
    const ref = { entryId: provisional.id, teamId: 't1', attempt: 1 };
    expect(provisionalAttemptState([provisional], ref)).toEqual({ kind: 'provisional' });
    // Not stored yet: nothing can have replaced it.
    expect(provisionalAttemptState([], ref)).toEqual({ kind: 'provisional' });
    // Another team's entries and another attempt change nothing.
    expect(
      provisionalAttemptState(
        [provisional, entry('t2', finished(1)), entry('t1', finished(2))],
        ref,
      ),
    ).toEqual({ kind: 'provisional' });

    const touched = entry(
      't1',
      { ...finished(1, 47_381), touches: 1, timing: 'sensor' },
      provisional.id,
    );
    expect(provisionalAttemptState([provisional, touched], ref)).toEqual({
      kind: 'replaced',
      entryId: touched.id,
      payload: expect.objectContaining({ attempt: 1, timeMs: 47_381, touches: 1 }),
    });
    // The judge's own entry for the same attempt (recorded later) counts instead of the gate's.
    const own = entry('t1', { attempt: 1, outcome: 'not-finished', endedBy: 'stall' });
    expect(provisionalAttemptState([provisional, own], ref)).toMatchObject({
      kind: 'replaced',
      entryId: own.id,
      payload: { outcome: 'not-finished' },
    });
    // Voided: replaced by nothing.
    const voided = entry('t1', { reason: 'wrong team' }, provisional.id);
    expect(provisionalAttemptState([provisional, voided], ref)).toEqual({
      kind: 'replaced',
      entryId: null,
      payload: null,
    });
  });
});
