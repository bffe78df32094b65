import { MAZE_ATTEMPT, type EffectiveEntry } from '@olympiad/scoring';
import { type GateTiming, timingNotes } from './timing-notes';

let seq = 0;
const attempt = (teamId: string, payload: Record<string, unknown>): EffectiveEntry => {
  seq += 1;
  return {
    record: {
      id: `e${seq}`,
      seq,
      kind: MAZE_ATTEMPT,
      teamId,
      payload: { outcome: 'finished', touches: 0, ...payload },
      supersedes: null,
      authorId: 'j1',
      recordedAt: '2026-12-05T09:00:00.000Z',
    } as EffectiveEntry['record'],
    rootId: `e${seq}`,
    rootSeq: seq,
  };
};
const run = (teamId: string, attempt: number, progress: Partial<GateTiming>): GateTiming => ({
  teamId,
  attempt,
  state: 'finished',
  durationMs: null,
  timingBoundMs: 0,
  ...progress,
});

describe('timing notes of the protocol', () => {
  it('gives a two-controller time its bound and says a stopwatch time was hand-timed', () => {
    const notes = timingNotes(
      [
        attempt('a', { attempt: 1, timing: 'sensor', timeMs: 41_230 }),
        attempt('b', { attempt: 1, timing: 'stopwatch', timeMs: 43_100 }),
        attempt('c', { attempt: 1, timing: 'sensor', timeMs: 39_000 }),
      ],
      [
        run('a', 1, { durationMs: 41_230, timingBoundMs: 4 }),
        run('b', 1, { state: 'needs-manual-timing', timingBoundMs: 31 }),
        // One controller: exact, no note.
        run('c', 1, { durationMs: 39_000, timingBoundMs: 0 }),
      ],
    );
    expect(notes).toEqual([
      { teamId: 'a', attempt: 1, boundMs: 4 },
      { teamId: 'b', attempt: 1, boundMs: null },
    ]);
  });

  it('gives no bound to a time the judge changed, nor a note to a stopwatch time the gates never lost', () => {
    const notes = timingNotes(
      [
        attempt('a', { attempt: 2, timing: 'sensor', timeMs: 50_000 }),
        attempt('b', { attempt: 1, timing: 'stopwatch', timeMs: 43_100 }),
      ],
      [
        run('a', 2, { durationMs: 41_230, timingBoundMs: 4 }),
        run('b', 1, { durationMs: 43_000, timingBoundMs: 3 }),
      ],
    );
    expect(notes).toEqual([]);
  });
});
