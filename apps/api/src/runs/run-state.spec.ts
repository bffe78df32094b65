import { durationMs, toRunState } from './run-state';
import type { FieldRunEntity } from './field-run.entity';

const run = (overrides: Partial<FieldRunEntity>): FieldRunEntity =>
  ({
    id: 'r1',
    fieldId: 'f1',
    categoryId: 'c1',
    teamId: 't1',
    attempt: 2,
    state: 'armed',
    armedBy: 'j1',
    armedAt: '2026-12-05T09:00:00.000Z',
    startEventId: null,
    finishEventId: null,
    startedAt: null,
    durationMs: null,
    entryId: null,
    reason: null,
    ...overrides,
  }) as FieldRunEntity;

describe('run state', () => {
  it('turns device microseconds into whole milliseconds', () => {
    expect(durationMs(1_000_000, 63_351_499)).toBe(62_351);
    expect(durationMs(1_000_000, 63_351_500)).toBe(62_352);
    // Past 2^32 µs (71 minutes after power-up) nothing wraps.
    expect(durationMs(5_000_000_000, 5_045_000_000)).toBe(45_000);
  });

  it('shows an idle field for no run or a cancelled one', () => {
    expect(toRunState('f1', null)).toEqual({ fieldId: 'f1', state: 'idle' });
    expect(toRunState('f1', run({ state: 'cancelled' }))).toEqual({ fieldId: 'f1', state: 'idle' });
  });

  it('carries the device-timed duration and the provisional entry of a finished run', () => {
    const state = toRunState('f1', run({ state: 'finished', startedAt: '2026-12-05T09:01:00.000Z', durationMs: 62_351, entryId: 'e1' }));
    expect(state).toMatchObject({ state: 'finished', durationMs: 62_351, entryId: 'e1', attempt: 2, teamId: 't1' });
  });
});
