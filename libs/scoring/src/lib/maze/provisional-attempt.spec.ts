import { provisionalMazeAttempt, sameAsProvisional } from './provisional-attempt';

describe('provisional maze attempt', () => {
  it('is finished in the gates time, unpenalised, when within the time limit', () => {
    expect(provisionalMazeAttempt(2, 62_351, 120_000)).toEqual({
      attempt: 2,
      outcome: 'finished',
      timeMs: 62_351,
      touches: 0,
      checkpoints: [],
      lastCheckpointMs: null,
      endedBy: null,
      timing: 'sensor',
    });
    expect(provisionalMazeAttempt(1, 120_000, 120_000)).toMatchObject({
      outcome: 'finished',
      timeMs: 120_000,
    });
  });

  it('is not finished, ended by the time limit, when over it', () => {
    expect(provisionalMazeAttempt(1, 120_001, 120_000)).toEqual({
      attempt: 1,
      outcome: 'not-finished',
      timeMs: null,
      touches: 0,
      checkpoints: [],
      lastCheckpointMs: null,
      endedBy: 'time-limit',
      timing: 'sensor',
    });
  });

  it('keeps the payload keys in the order the ledger has always stored them', () => {
    expect(Object.keys(provisionalMazeAttempt(1, 1000, 2000))).toEqual([
      'attempt',
      'outcome',
      'timeMs',
      'touches',
      'checkpoints',
      'lastCheckpointMs',
      'endedBy',
      'timing',
    ]);
  });

  it('tells a draft that confirms the provisional attempt from one that corrects it', () => {
    const provisional = provisionalMazeAttempt(2, 62_351, 120_000);
    const draft = { ...provisional, checkpoints: [] as string[] };
    expect(sameAsProvisional(draft, provisional)).toBe(true);
    expect(sameAsProvisional({ ...draft, touches: 1 }, provisional)).toBe(false);
    expect(sameAsProvisional({ ...draft, timeMs: 62_000, timing: 'stopwatch' }, provisional)).toBe(
      false,
    );
    expect(sameAsProvisional({ ...draft, checkpoints: ['c1'] }, provisional)).toBe(false);
    expect(sameAsProvisional({ ...draft, outcome: 'void', timeMs: null }, provisional)).toBe(false);
  });
});
