import { roundClockLeftMs, roundClockLengthMs, type RoundClockReport } from './round-clock';
import { SUMO_DEFAULT_PARAMS } from './sumo-rules';

const at = Date.UTC(2026, 4, 12, 9, 0, 0);
const running: RoundClockReport = {
  state: 'running',
  elapsedMs: 20_000,
  startsInMs: 0,
  roundMs: 180_000,
  at,
};

describe('roundClockLeftMs', () => {
  it('counts down from the time left when the tablet reported a running clock', () => {
    expect(roundClockLeftMs(running, at)).toBe(160_000);
    expect(roundClockLeftMs(running, at + 1_250)).toBe(158_750);
  });

  it('stands still while paused or ended', () => {
    expect(roundClockLeftMs({ ...running, state: 'paused' }, at + 9_000)).toBe(160_000);
    expect(roundClockLeftMs({ ...running, state: 'ended' }, at + 9_000)).toBe(160_000);
  });

  it('waits the start delay before it counts', () => {
    const fresh = { ...running, elapsedMs: 0, startsInMs: 5_000 };
    expect(roundClockLeftMs(fresh, at + 4_000)).toBe(180_000);
    expect(roundClockLeftMs(fresh, at + 6_500)).toBe(178_500);
  });

  it('stops at zero when the time is up', () => {
    expect(roundClockLeftMs(running, at + 170_000)).toBe(0);
  });

  it('drops a state older than the round and the margin (a tablet gone offline)', () => {
    expect(roundClockLeftMs(running, at + 180_000 + 30_000)).toBe(0);
    expect(roundClockLeftMs(running, at + 180_000 + 30_001)).toBeNull();
    expect(roundClockLeftMs({ ...running, state: 'paused' }, at + 250_000)).toBeNull();
  });

  it('counts a clock stamped after the screen’s now as not started yet', () => {
    expect(roundClockLeftMs(running, at - 500)).toBe(160_000);
  });
});

describe('roundClockLengthMs', () => {
  it('is the match time with total timing and the round time per round', () => {
    const rules = SUMO_DEFAULT_PARAMS.match;
    expect(roundClockLengthMs({ ...rules, timing: 'total' })).toBe(rules.matchTimeMs);
    expect(roundClockLengthMs({ ...rules, timing: 'per-round' })).toBe(rules.roundTimeMs);
  });
});
