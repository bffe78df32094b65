import {
  type ActiveRun,
  durationMs,
  nextRunStep,
  type RunEvent,
  toPublicRun,
  toRunState,
} from './run-state';
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
    const state = toRunState(
      'f1',
      run({
        state: 'finished',
        startedAt: '2026-12-05T09:01:00.000Z',
        durationMs: 62_351,
        entryId: 'e1',
      }),
    );
    expect(state).toMatchObject({
      state: 'finished',
      durationMs: 62_351,
      entryId: 'e1',
      attempt: 2,
      teamId: 't1',
    });
  });
});

describe('nextRunStep', () => {
  const armed: ActiveRun = { state: 'armed', start: null };
  const running: ActiveRun = {
    state: 'running',
    start: { deviceId: 'gate-1', boot: 'b1', seq: 10 },
  };
  const gate = (
    gate: 'start' | 'finish',
    overrides: Partial<{ deviceId: string; boot: string; seq: number }> = {},
  ): RunEvent => ({
    kind: 'gate',
    gate,
    deviceId: 'gate-1',
    boot: 'b1',
    seq: 11,
    ...overrides,
  });

  it('starts an armed run with a start gate', () => {
    expect(nextRunStep(armed, gate('start'))).toEqual({ kind: 'start' });
  });

  it('keeps a start gate unassigned when nothing is armed or a run is already running', () => {
    expect(nextRunStep(null, gate('start'))).toEqual({ kind: 'unassigned' });
    expect(nextRunStep(running, gate('start'))).toEqual({ kind: 'unassigned' });
  });

  it('finishes a running run with a later finish gate of the same device boot', () => {
    expect(nextRunStep(running, gate('finish'))).toEqual({ kind: 'finish' });
  });

  it('keeps a finish unassigned when it is not later than the start, from another device, or nothing runs', () => {
    expect(nextRunStep(running, gate('finish', { seq: 10 }))).toEqual({ kind: 'unassigned' });
    expect(nextRunStep(running, gate('finish', { seq: 9 }))).toEqual({ kind: 'unassigned' });
    expect(nextRunStep(running, gate('finish', { deviceId: 'gate-2', boot: 'b9' }))).toEqual({
      kind: 'unassigned',
    });
    // A finish that overtook its start on the network waits for it.
    expect(nextRunStep(armed, gate('finish'))).toEqual({ kind: 'unassigned' });
    expect(nextRunStep(null, gate('finish'))).toEqual({ kind: 'unassigned' });
    expect(nextRunStep({ state: 'running', start: null }, gate('finish'))).toEqual({
      kind: 'unassigned',
    });
  });

  it('needs manual timing when the finish comes from another boot of the starting device', () => {
    expect(nextRunStep(running, gate('finish', { boot: 'b2', seq: 1 }))).toEqual({
      kind: 'needs-manual-timing',
      reason: 'device-rebooted',
    });
  });

  it('needs manual timing when the starting device reports a new boot, not when its own boot started the run', () => {
    expect(nextRunStep(running, { kind: 'boot', deviceId: 'gate-1', boot: 'b2' })).toEqual({
      kind: 'needs-manual-timing',
      reason: 'device-rebooted',
    });
    expect(nextRunStep(running, { kind: 'boot', deviceId: 'gate-1', boot: 'b1' })).toEqual({
      kind: 'none',
    });
    expect(nextRunStep(running, { kind: 'boot', deviceId: 'gate-2', boot: 'b2' })).toEqual({
      kind: 'none',
    });
    expect(nextRunStep(armed, { kind: 'boot', deviceId: 'gate-1', boot: 'b2' })).toEqual({
      kind: 'none',
    });
    expect(nextRunStep(null, { kind: 'boot', deviceId: 'gate-1', boot: 'b2' })).toEqual({
      kind: 'none',
    });
  });

  it('arms a run, replacing an armed one, and refuses while a run is in progress', () => {
    expect(nextRunStep(null, { kind: 'arm' })).toEqual({ kind: 'arm', replaces: false });
    expect(nextRunStep(armed, { kind: 'arm' })).toEqual({ kind: 'arm', replaces: true });
    expect(nextRunStep(running, { kind: 'arm' })).toEqual({
      kind: 'refuse',
      reason: 'runs.running',
    });
  });

  it('cancels the active run, or releases a finished or manually timed one', () => {
    expect(nextRunStep(armed, { kind: 'cancel', latest: null })).toEqual({ kind: 'cancel' });
    expect(nextRunStep(running, { kind: 'cancel', latest: null })).toEqual({ kind: 'cancel' });
    expect(nextRunStep(null, { kind: 'cancel', latest: 'finished' })).toEqual({ kind: 'release' });
    expect(nextRunStep(null, { kind: 'cancel', latest: 'needs-manual-timing' })).toEqual({
      kind: 'release',
    });
    expect(nextRunStep(null, { kind: 'cancel', latest: 'cancelled' })).toEqual({ kind: 'none' });
    expect(nextRunStep(null, { kind: 'cancel', latest: 'released' })).toEqual({ kind: 'none' });
    expect(nextRunStep(null, { kind: 'cancel', latest: null })).toEqual({ kind: 'none' });
  });
});

describe('toPublicRun', () => {
  it('shows the hall the clock of an armed, running or finished run', () => {
    const running = toRunState(
      'f1',
      run({ state: 'running', startedAt: '2026-12-05T09:01:00.000Z' }),
    );
    expect(toPublicRun(running)).toEqual({
      fieldId: 'f1',
      state: 'running',
      categoryId: 'c1',
      teamId: 't1',
      attempt: 2,
      startedAt: '2026-12-05T09:01:00.000Z',
      durationMs: undefined,
    });
    const finished = toRunState(
      'f1',
      run({
        state: 'finished',
        startedAt: '2026-12-05T09:01:00.000Z',
        durationMs: 62_351,
        entryId: 'e1',
      }),
    );
    expect(toPublicRun(finished)).toMatchObject({ state: 'finished', durationMs: 62_351 });
    expect(toPublicRun(finished)).not.toHaveProperty('entryId');
    expect(toPublicRun(toRunState('f1', run({ state: 'armed' })))).toMatchObject({
      state: 'armed',
      startedAt: undefined,
    });
  });

  it('shows an idle field for an idle run and for one waiting for manual timing', () => {
    expect(toPublicRun({ fieldId: 'f1', state: 'idle' })).toEqual({ fieldId: 'f1', state: 'idle' });
    expect(
      toPublicRun(
        toRunState('f1', run({ state: 'needs-manual-timing', reason: 'device-rebooted' })),
      ),
    ).toEqual({ fieldId: 'f1', state: 'idle' });
  });

  describe('with the start and finish gates on two devices', () => {
    const layout = { startDeviceId: 'gate-a', finishDeviceId: 'gate-b' };
    const running: ActiveRun = {
      state: 'running',
      start: { deviceId: 'gate-a', boot: 'a1', seq: 4 },
    };
    const gate = (
      gate: 'start' | 'finish',
      deviceId: string,
      boot = 'b1',
      seq = 1,
    ): Extract<RunEvent, { kind: 'gate' }> => ({
      kind: 'gate',
      gate,
      deviceId,
      boot,
      seq,
      layout,
    });

    it("starts only on the start device's gate", () => {
      const armed: ActiveRun = { state: 'armed', start: null };
      expect(nextRunStep(armed, gate('start', 'gate-a'))).toEqual({ kind: 'start' });
      expect(nextRunStep(armed, gate('start', 'gate-b'))).toEqual({ kind: 'unassigned' });
    });

    it("finishes on the finish device's gate through both clocks, whatever its boot or seq", () => {
      expect(nextRunStep(running, gate('finish', 'gate-b', 'b7', 0))).toEqual({
        kind: 'finish-across',
      });
      // The start device's own finish gate is not the field's finish.
      expect(nextRunStep(running, gate('finish', 'gate-a', 'a1', 9))).toEqual({
        kind: 'unassigned',
      });
    });

    it('without a layout, another device cannot finish the run (as before)', () => {
      expect(nextRunStep(running, { ...gate('finish', 'gate-b'), layout: null })).toEqual({
        kind: 'unassigned',
      });
    });

    it('carries the bound of the time, 0 for one clock and none for a run stored before', () => {
      const finished = (timingBoundMs: number | null) =>
        toRunState(
          'f1',
          run({
            state: 'finished',
            startedAt: '2026-12-05T09:01:00.000Z',
            durationMs: 1,
            timingBoundMs,
          }),
        );
      expect(finished(4)).toMatchObject({ boundMs: 4 });
      expect(finished(null)).toMatchObject({ boundMs: 0 });
      expect(
        toRunState(
          'f1',
          run({ state: 'needs-manual-timing', reason: 'timing-bound', timingBoundMs: 31 }),
        ),
      ).toMatchObject({ reason: 'timing-bound', boundMs: 31 });
    });
  });
});
