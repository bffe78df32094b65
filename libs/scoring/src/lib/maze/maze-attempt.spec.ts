import { MAZE_DEFAULT_PARAMS, type MazeParams } from './maze-rules';
import { mazeAttemptPayloadSchema } from './maze-entries';
import { compareMazeAttempts, scoreMazeAttempt } from './maze-attempt';

const attempt = (input: Record<string, unknown>) =>
  mazeAttemptPayloadSchema.parse({ attempt: 1, ...input });
const withCheckpoints: MazeParams = {
  ...MAZE_DEFAULT_PARAMS,
  checkpoints: [
    { id: 'c1', points: 10 },
    { id: 'c2', points: 20 },
  ],
};

describe('scoreMazeAttempt', () => {
  it('adds the time penalty per touch to a finished attempt', () => {
    expect(
      scoreMazeAttempt(
        MAZE_DEFAULT_PARAMS,
        attempt({ outcome: 'finished', timeMs: 62_345, touches: 3 }),
      ),
    ).toMatchObject({
      class: 'finished',
      timeMs: 92_345,
    });
  });

  it('takes points off under the points penalty and voids under the void penalty', () => {
    const points: MazeParams = { ...withCheckpoints, touchPenalty: { mode: 'points', points: 4 } };
    expect(
      scoreMazeAttempt(points, attempt({ outcome: 'finished', timeMs: 50_000, touches: 2 })),
    ).toMatchObject({ points: 22, timeMs: 50_000 });
    const voiding: MazeParams = { ...MAZE_DEFAULT_PARAMS, touchPenalty: { mode: 'void' } };
    expect(
      scoreMazeAttempt(voiding, attempt({ outcome: 'finished', timeMs: 50_000, touches: 1 })),
    ).toMatchObject({ class: 'none', voidedByTouch: true });
    expect(
      scoreMazeAttempt(voiding, attempt({ outcome: 'finished', timeMs: 50_000 })),
    ).toMatchObject({ class: 'finished', timeMs: 50_000 });
  });

  it('scores a not-finished attempt by its checkpoints and the time to the last one', () => {
    expect(
      scoreMazeAttempt(
        withCheckpoints,
        attempt({
          outcome: 'not-finished',
          checkpoints: ['c2'],
          lastCheckpointMs: 30_000,
          touches: 1,
        }),
      ),
    ).toMatchObject({ class: 'partial', points: 20, timeMs: 40_000 });
    expect(scoreMazeAttempt(withCheckpoints, attempt({ outcome: 'not-finished' }))).toMatchObject({
      class: 'none',
    });
  });
});

describe('compareMazeAttempts', () => {
  const score = (input: Record<string, unknown>) =>
    scoreMazeAttempt(withCheckpoints, attempt(input));

  it('puts finished before partial before nothing, whatever the times', () => {
    const finished = score({ outcome: 'finished', timeMs: 170_000 });
    const partial = score({
      outcome: 'not-finished',
      checkpoints: ['c1', 'c2'],
      lastCheckpointMs: 10_000,
    });
    const none = score({ outcome: 'void' });
    expect([none, partial, finished].sort(compareMazeAttempts)).toEqual([finished, partial, none]);
  });

  it('prefers fewer touches between equal result times', () => {
    const clean = score({ outcome: 'finished', timeMs: 60_000 });
    const touched = score({ outcome: 'finished', timeMs: 50_000, touches: 1 });
    expect(compareMazeAttempts(clean, touched)).toBeLessThan(0);
  });
});
