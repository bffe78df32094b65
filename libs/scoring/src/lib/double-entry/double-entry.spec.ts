import type { LedgerRecord, TeamRef } from '../ledger.types';
import { presetRuleSet } from '../rule-set/presets';
import type { RuleSet } from '../rule-set/rule-set';
import { computeStandings } from '../standings/compute-standings';
import { applyEntry, createStandingsState, standingsOf } from '../standings/standings-state';
import { validateEntry } from '../ledger/validate-entry';
import {
  DOUBLE_PENDING,
  doubleEntrySlot,
  entriesAgree,
  needsSecondEntry,
  pairEntry,
  slotsEnteredBy,
  type BlindEntry,
} from './double-entry';
import { entryModeOf } from './entry-mode';

const maze = presetRuleSet('maze-default') as RuleSet;
const sumo = presetRuleSet('sumo-default') as RuleSet;

function mazeEntry(id: string, authorId: string, payload: Record<string, unknown>): BlindEntry {
  const checked = validateEntry(maze, { kind: 'maze.attempt', teamId: 'a', payload });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return { id, kind: 'maze.attempt', teamId: 'a', payload: checked.value.payload, authorId };
}

const finished = { attempt: 1, outcome: 'finished', timeMs: 61_230, touches: 1 };

describe('the entry option', () => {
  it('reads a rule set stored without it as single entry', () => {
    expect(entryModeOf(maze)).toBe('single');
    expect(entryModeOf({ ...maze, entry: 'double' })).toBe('double');
  });
});

describe('the slot an entry scores', () => {
  it('is the attempt of a team in a maze, the task in programming, the sheet in a rubric, the match in sumo', () => {
    expect(doubleEntrySlot({ kind: 'maze.attempt', teamId: 't', payload: { attempt: 2 } })).toBe(
      'maze.attempt:t:2',
    );
    expect(doubleEntrySlot({ kind: 'programming.task', teamId: 't', payload: { task: 'A' } })).toBe(
      'programming.task:t:A',
    );
    expect(
      doubleEntrySlot({ kind: 'creative.marks', teamId: 't', payload: { judgeId: 'j3' } }),
    ).toBe('creative.marks:t:j3');
    expect(
      doubleEntrySlot({ kind: 'sumo.match', teamId: null, payload: { matchId: 'G1-2' } }),
    ).toBe('sumo.match:G1-2');
  });

  it('is none for what is entered once: a sumo draw, a team status', () => {
    expect(doubleEntrySlot({ kind: 'sumo.draw', teamId: null, payload: {} })).toBeNull();
    expect(doubleEntrySlot({ kind: 'team.status', teamId: 't', payload: {} })).toBeNull();
  });
});

describe('what waits for a second entry', () => {
  it('is every attempt, task and match, and a rubric sheet typed in for another jury member', () => {
    expect(
      needsSecondEntry({ kind: 'maze.attempt', teamId: 't', payload: { attempt: 1 } }, 'j1'),
    ).toBe(true);
    expect(
      needsSecondEntry({ kind: 'sumo.match', teamId: null, payload: { matchId: 'M1' } }, 'j1'),
    ).toBe(true);
    expect(
      needsSecondEntry({ kind: 'creative.marks', teamId: 't', payload: { judgeId: 'j3' } }, 'j1'),
    ).toBe(true);
  });

  it('is not a jury member’s own rubric sheet, nor a kind entered once', () => {
    expect(
      needsSecondEntry({ kind: 'creative.marks', teamId: 't', payload: { judgeId: 'j1' } }, 'j1'),
    ).toBe(false);
    expect(needsSecondEntry({ kind: 'sumo.draw', teamId: null, payload: {} }, 'j1')).toBe(false);
  });
});

describe('agreement', () => {
  it('is the same payload after the rules normalised it, whatever the order of its keys', () => {
    const a = mazeEntry('1', 'j1', finished);
    const b = mazeEntry('2', 'j2', {
      touches: 1,
      timeMs: 61_230,
      outcome: 'finished',
      attempt: 1,
      checkpoints: [],
    });
    expect(entriesAgree(a, b)).toBe(true);
  });

  it('is not one millisecond or one touch apart', () => {
    const a = mazeEntry('1', 'j1', finished);
    expect(entriesAgree(a, mazeEntry('2', 'j2', { ...finished, timeMs: 61_231 }))).toBe(false);
    expect(entriesAgree(a, mazeEntry('3', 'j2', { ...finished, touches: 2 }))).toBe(false);
  });
});

describe('pairing an arriving entry with its slot', () => {
  const first = mazeEntry('1', 'j1', finished);

  it('waits for a second judge after the first entry', () => {
    expect(pairEntry([], first).kind).toBe('first');
  });

  it('counts a resend of an entry once', () => {
    expect(pairEntry([first], first).kind).toBe('duplicate');
    expect(pairEntry([first, mazeEntry('2', 'j2', finished)], first).kind).toBe('duplicate');
  });

  it('refuses the same judge as both entries', () => {
    expect(pairEntry([first], mazeEntry('2', 'j1', finished)).kind).toBe('same-judge');
  });

  it('agrees or differs with the second judge, in either order of arrival', () => {
    const other = mazeEntry('2', 'j2', { ...finished, touches: 0 });
    expect(pairEntry([first], mazeEntry('3', 'j2', finished)).kind).toBe('agree');
    expect(pairEntry([first], other).kind).toBe('differ');
    expect(pairEntry([other], first).kind).toBe('differ');
  });

  it('takes no third entry', () => {
    expect(
      pairEntry([first, mazeEntry('2', 'j2', finished)], mazeEntry('3', 'j3', finished)),
    ).toEqual({ kind: 'complete' });
  });
});

describe('standings of a double-entry category', () => {
  const teams: TeamRef[] = [
    { id: 'a', name: 'Алтын', status: 'active' },
    { id: 'b', name: 'Бүркіт', status: 'active' },
  ];
  let seq = 0;
  const record = (
    id: string,
    kind: string,
    teamId: string | null,
    payload: unknown,
    supersedes: string | null = null,
  ): LedgerRecord => ({
    id,
    seq: ++seq,
    kind,
    teamId,
    payload,
    supersedes,
    authorId: 'j1',
    recordedAt: '2026-12-05T10:00:00Z',
  });
  const pending = (id: string, state: string, supersedes: string | null = null) =>
    record(id, DOUBLE_PENDING, 'a', { slot: 'maze.attempt:a:1', state, teams: ['a'] }, supersedes);
  const attempt = (id: string, teamId: string, timeMs: number, supersedes: string | null = null) =>
    record(
      id,
      'maze.attempt',
      teamId,
      { ...(mazeEntry(id, 'j', { ...finished, timeMs }).payload as object) },
      supersedes,
    );

  function rows(ruleSet: RuleSet, entries: LedgerRecord[], categoryTeams = teams) {
    let state = createStandingsState(ruleSet, categoryTeams);
    for (const entry of entries) state = applyEntry(state, entry);
    const incremental = standingsOf(state);
    expect(incremental).toEqual(computeStandings(ruleSet, categoryTeams, entries));
    expect(incremental.warnings ?? []).toEqual([]);
    return incremental.rows;
  }

  it('shows a team whose attempt waits for the second judge as awaiting, counting nothing of it', () => {
    const [rowB, rowA] = rows(maze, [attempt('b1', 'b', 70_000), pending('p1', 'awaiting-second')]);
    expect(rowA).toMatchObject({ teamId: 'a', status: 'not-scored', review: 'awaiting-second' });
    expect(rowB).toMatchObject({ teamId: 'b', place: 1 });
    expect(rowB.review).toBeUndefined();
  });

  it('shows a disagreement as in review', () => {
    const [rowA] = rows(maze, [
      pending('p1', 'awaiting-second'),
      pending('p2', 'in-review', 'p1'),
    ]).filter((row) => row.teamId === 'a');
    expect(rowA.review).toBe('in-review');
  });

  it('counts the agreed (or decided) result once, in place of its stand-in', () => {
    const result = rows(maze, [
      pending('p1', 'awaiting-second'),
      attempt('b1', 'b', 70_000),
      attempt('r1', 'a', 61_230, 'p1'),
    ]);
    const rowA = result.find((row) => row.teamId === 'a');
    expect(rowA).toMatchObject({ place: 1, status: 'ranked' });
    expect(rowA?.review).toBeUndefined();
    expect(rowA?.detail['attempts']).toHaveLength(1);
  });

  it('marks both players of a sumo match waiting for its second entry', () => {
    const sumoTeams: TeamRef[] = [...teams, { id: 'c', name: 'Сұңқар', status: 'active' }];
    const result = rows(
      sumo,
      [
        record('p1', DOUBLE_PENDING, null, {
          slot: 'sumo.match:G1-1',
          state: 'awaiting-second',
          teams: ['a', 'b'],
        }),
      ],
      sumoTeams,
    );
    expect(
      result
        .filter((row) => row.review === 'awaiting-second')
        .map((row) => row.teamId)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(result.find((row) => row.teamId === 'c')?.review).toBeUndefined();
  });
});

describe('the slots a judge has entered', () => {
  const at = '2026-12-05T10:00:00Z';
  const standIn = (
    id: string,
    seq: number,
    authorId: string,
    slot: string,
    state: string,
    supersedes: string | null = null,
  ): LedgerRecord => ({
    id,
    seq,
    kind: DOUBLE_PENDING,
    teamId: null,
    payload: { slot, state, teams: ['a', 'b'] },
    supersedes,
    authorId,
    recordedAt: at,
  });

  it('are those awaiting a second entry that they made, and every one in review, never a settled one', () => {
    const records: LedgerRecord[] = [
      standIn('p1', 1, 'j1', 'sumo.match:A-1', 'awaiting-second'),
      standIn('p2', 2, 'j2', 'sumo.match:A-2', 'awaiting-second'),
      standIn('p3', 3, 'j1', 'sumo.match:A-3', 'awaiting-second'),
      standIn('r3', 4, 'j2', 'sumo.match:A-3', 'in-review', 'p3'),
      standIn('p4', 5, 'j1', 'sumo.match:A-4', 'awaiting-second'),
      {
        id: 'agreed4',
        seq: 6,
        kind: 'sumo.match',
        teamId: null,
        payload: { matchId: 'A-4' },
        supersedes: 'p4',
        authorId: 'j2',
        recordedAt: at,
      },
    ];
    expect(slotsEnteredBy(records, 'j1')).toEqual(
      new Map([
        ['sumo.match:A-1', 'awaiting-second'],
        ['sumo.match:A-3', 'in-review'],
      ]),
    );
    expect(slotsEnteredBy(records, 'j2')).toEqual(
      new Map([
        ['sumo.match:A-2', 'awaiting-second'],
        ['sumo.match:A-3', 'in-review'],
      ]),
    );
  });
});
