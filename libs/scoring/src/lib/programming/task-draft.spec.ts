import { validateEntry } from '../ledger/validate-entry';
import { presetRuleSet } from '../rule-set/presets';
import { PROGRAMMING_TASK } from './programming-entries';
import type { ProgrammingRuleSet } from './programming-rules';
import { taskDraftPayloads, type TaskDraft } from './task-draft';

const icpc = presetRuleSet('programming-icpc') as ProgrammingRuleSet;
const ioi = presetRuleSet('programming-default') as ProgrammingRuleSet;
const taskA = icpc.params.tasks[0];
const draft = (over: Partial<TaskDraft>): TaskDraft => ({
  points: null,
  groups: null,
  solved: null,
  time: '',
  wrongTries: null,
  ...over,
});

/** Every payload must pass the ledger's own check unchanged. */
function accepted(ruleSet: ProgrammingRuleSet, payloads: object[]) {
  for (const payload of payloads) {
    const checked = validateEntry(ruleSet, { kind: PROGRAMMING_TASK, teamId: 't1', payload });
    expect(checked.ok).toBe(true);
  }
}

describe('taskDraftPayloads under ICPC rules', () => {
  it('makes the wrong tries, then the accepted submission, at the time it was solved', () => {
    const result = taskDraftPayloads(
      icpc.params,
      taskA,
      draft({ solved: true, time: '1:23:05', wrongTries: 2 }),
      undefined,
    );
    const at = (1 * 3600 + 23 * 60 + 5) * 1000;
    expect(result).toEqual({
      ok: true,
      value: [
        { task: 'A', points: 0, groups: null, timeMs: at },
        { task: 'A', points: 0, groups: null, timeMs: at },
        { task: 'A', points: 100, groups: null, timeMs: at },
      ],
    });
    accepted(icpc, result.ok ? result.value : []);
  });

  it('sends only the wrong tries not recorded yet', () => {
    const result = taskDraftPayloads(
      icpc.params,
      taskA,
      draft({ solved: true, time: '50:00', wrongTries: 3 }),
      { solved: false, wrongTries: 2, acceptedAt: null, lastTryAt: 1_200_000 },
    );
    expect(result.ok && result.value.map((p) => p.points)).toEqual([0, 100]);
  });

  it('records an unsolved task’s wrong tries at the time of the last one', () => {
    const result = taskDraftPayloads(
      icpc.params,
      taskA,
      draft({ solved: false, time: '12:00', wrongTries: 1 }),
      undefined,
    );
    expect(result).toEqual({
      ok: true,
      value: [{ task: 'A', points: 0, groups: null, timeMs: 720_000 }],
    });
  });

  it('says nothing for a task the judge left alone', () => {
    expect(taskDraftPayloads(icpc.params, taskA, draft({ time: 'x' }), undefined)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ path: 'tasks.A.time' })],
    });
    expect(taskDraftPayloads(icpc.params, taskA, draft({}), undefined)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('refuses a bad or missing time, fewer tries than recorded, a time before a recorded try, and a solved task', () => {
    const keys = (d: Partial<TaskDraft>, recorded?: Parameters<typeof taskDraftPayloads>[3]) => {
      const result = taskDraftPayloads(icpc.params, taskA, draft(d), recorded);
      return result.ok ? [] : result.errors.map((e) => [e.path, e.key]);
    };
    expect(keys({ solved: true, time: '1:75' })).toEqual([
      ['tasks.A.time', 'scoring.programming.contestTimeInvalid'],
    ]);
    expect(keys({ solved: true, time: '' })).toEqual([
      ['tasks.A.time', 'scoring.programming.timeRequired'],
    ]);
    const twoWrong = { solved: false, wrongTries: 2, acceptedAt: null, lastTryAt: 1_800_000 };
    expect(keys({ solved: true, time: '20:00', wrongTries: 1 }, twoWrong)).toEqual([
      ['tasks.A.wrongTries', 'scoring.programming.triesBelowRecorded'],
      ['tasks.A.time', 'scoring.programming.timeBeforeRecorded'],
    ]);
    const solved = { solved: true, wrongTries: 0, acceptedAt: 600_000, lastTryAt: 600_000 };
    expect(keys({ solved: true, time: '20:00', wrongTries: 0 }, solved)).toEqual([
      ['tasks.A.solved', 'scoring.programming.alreadySolved'],
    ]);
  });

  it('gives all of a task’s test groups when solved, none on a wrong try', () => {
    const withGroups = {
      ...icpc.params,
      credit: 'per-group' as const,
      tasks: [
        {
          ...taskA,
          groups: [
            { id: 'g1', points: 40 },
            { id: 'g2', points: 60 },
          ],
        },
      ],
    };
    const result = taskDraftPayloads(
      withGroups,
      withGroups.tasks[0],
      draft({ solved: true, time: '5:00', wrongTries: 1 }),
      undefined,
    );
    expect(result.ok && result.value.map((p) => [p.points, p.groups])).toEqual([
      [0, []],
      [100, ['g1', 'g2']],
    ]);
    accepted({ ...icpc, params: withGroups }, result.ok ? result.value : []);
  });

  it('does not ask for wrong tries when they cost nothing, but records a rejected try', () => {
    const free = { ...icpc.params, penaltyMsPerWrongTry: 0 };
    const solved = taskDraftPayloads(
      free,
      taskA,
      draft({ solved: true, time: '5:00', wrongTries: 4 }),
      undefined,
    );
    expect(solved.ok && solved.value.map((p) => p.points)).toEqual([100]);
    const unsolved = taskDraftPayloads(
      free,
      taskA,
      draft({ solved: false, time: '5:00' }),
      undefined,
    );
    expect(unsolved.ok && unsolved.value.map((p) => p.points)).toEqual([0]);
  });
});

describe('taskDraftPayloads under points rules', () => {
  it('gives the points typed, or the sum of the groups passed', () => {
    expect(
      taskDraftPayloads(ioi.params, ioi.params.tasks[0], draft({ points: 70 }), undefined),
    ).toEqual({
      ok: true,
      value: [{ task: 'A', points: 70, groups: null, timeMs: null }],
    });
    const perGroup = {
      ...ioi.params,
      credit: 'per-group' as const,
      tasks: [
        {
          ...ioi.params.tasks[0],
          groups: [
            { id: '1', points: 30 },
            { id: '2', points: 70 },
          ],
        },
      ],
    };
    const result = taskDraftPayloads(
      perGroup,
      perGroup.tasks[0],
      draft({ groups: ['2'] }),
      undefined,
    );
    expect(result).toEqual({
      ok: true,
      value: [{ task: 'A', points: 70, groups: ['2'], timeMs: null }],
    });
    accepted({ ...ioi, params: perGroup }, result.ok ? result.value : []);
  });
});
