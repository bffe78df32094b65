import { SUMO_DEFAULT_PARAMS } from '@olympiad/scoring';
import { startClock, stopClock } from './match-clock-state';
import { clockReport } from './use-match-clock-report';

// 3:00 for the whole match, a 5 s start delay.
const rules = SUMO_DEFAULT_PARAMS.match;
const t0 = 1_000_000.25;

describe('clockReport', () => {
  it('reports a fresh start as running with the start delay still to wait', () => {
    const clock = startClock(rules, { usedMs: 0, runningSince: null }, t0);
    expect(clockReport(rules, clock, false, t0 + 1_200)).toEqual({
      state: 'running',
      elapsedMs: 0,
      startsInMs: 3_800,
      roundMs: 180_000,
    });
  });

  it('reports a pause with the time used, cut to the ms the tablet shows', () => {
    const running = startClock(rules, { usedMs: 0, runningSince: null }, t0);
    const paused = stopClock(rules, running, t0 + 5_000 + 12_340.4);
    // The tablet shows 180 000 − 12 340.4 = 2:47.659…, cut: the overlay counts from 12 341 ms used.
    expect(clockReport(rules, paused, false, t0 + 60_000)).toEqual({
      state: 'paused',
      elapsedMs: 12_341,
      startsInMs: 0,
      roundMs: 180_000,
    });
  });

  it('reports a resumed clock with no delay and a verdict as ended', () => {
    const resumed = startClock(rules, { usedMs: 20_000, runningSince: null }, t0);
    expect(clockReport(rules, resumed, false, t0 + 1_000)).toMatchObject({
      state: 'running',
      elapsedMs: 21_000,
      startsInMs: 0,
    });
    expect(clockReport(rules, { usedMs: 20_000, runningSince: null }, true, t0)).toMatchObject({
      state: 'ended',
      elapsedMs: 20_000,
    });
  });
});
