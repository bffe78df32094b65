import type { EffectiveEntry } from '../standings/discipline-engine';
import { PROGRAMMING_DEFAULT_PARAMS, type ProgrammingParams } from './programming-rules';
import { scoreProgrammingTeam } from './programming-score';

function submission(
  seq: number,
  task: string,
  points: number,
  timeMs: number | null = null,
): EffectiveEntry {
  return {
    record: {
      id: `e${seq}`,
      seq,
      kind: 'programming.task',
      teamId: 't',
      payload: { task, points, timeMs },
      supersedes: null,
      authorId: 'j',
      recordedAt: '',
    },
    rootId: `e${seq}`,
    rootSeq: seq,
  };
}

describe('scoreProgrammingTeam', () => {
  it('best per task: total, and when the final total was reached', () => {
    const score = scoreProgrammingTeam(PROGRAMMING_DEFAULT_PARAMS, [
      submission(1, 'A', 30),
      submission(4, 'A', 80),
      submission(6, 'B', 20),
      submission(9, 'A', 10),
    ]);
    expect(score).toMatchObject({
      status: 'ranked',
      primary: 100,
      key: [-100, 6],
      detail: { tasks: { A: 80, B: 20 }, reachedAt: 6 },
    });
  });

  it('last submission per task can lower the total', () => {
    const last: ProgrammingParams = { ...PROGRAMMING_DEFAULT_PARAMS, submissions: 'last' };
    expect(
      scoreProgrammingTeam(last, [submission(1, 'A', 90), submission(2, 'A', 40)]).primary,
    ).toBe(40);
  });

  it('ICPC: wrong tries after the accepted one cost nothing', () => {
    const icpc: ProgrammingParams = {
      ...PROGRAMMING_DEFAULT_PARAMS,
      submissions: 'icpc',
      submissionTime: 'contest-time',
      penaltyMsPerWrongTry: 1_200_000,
      tieBreaks: [],
    };
    const score = scoreProgrammingTeam(icpc, [
      submission(1, 'A', 0, 60_000),
      submission(2, 'A', 100, 600_000),
      submission(3, 'A', 0, 700_000),
    ]);
    expect(score).toMatchObject({ primary: 1, key: [-1, 1_800_000], display: '1 (30)' });
  });

  it('without the earlier-total tie-break only the points count', () => {
    const noTie: ProgrammingParams = { ...PROGRAMMING_DEFAULT_PARAMS, tieBreaks: [] };
    expect(scoreProgrammingTeam(noTie, [submission(5, 'A', 50)]).key).toEqual([-50]);
  });
});
