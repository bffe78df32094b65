import { seededRandom, type SeededRandom } from '../common/seeded-random';
import {
  type ClockSample,
  crossDeviceDuration,
  estimateClockOffset,
  timingBoundMs,
} from './clock-offset';

const DAY_US = 86_400_000_000;
const EPOCH_US = Date.UTC(2026, 5, 1) * 1000;

/** A device clock `offsetUs` behind the server at boot, running `ppm` fast. */
function deviceClock(offsetUs: number, ppm: number) {
  return {
    deviceAt: (serverUs: number) => (serverUs - EPOCH_US) * (1 + ppm / 1e6) - offsetUs,
    /** The true offset (server − device) at a device moment. */
    offsetAt: (deviceUs: number) => EPOCH_US + (deviceUs + offsetUs) / (1 + ppm / 1e6) - deviceUs,
  };
}

/** Venue Wi-Fi: 1 ms floor, a few ms of jitter, and now and then a message held 50–300 ms. */
function networkDelayUs(random: SeededRandom): number {
  const jitter = -Math.log(1 - random.next()) * 6_000;
  const held = random.next() < 0.05 ? 50_000 + random.next() * 250_000 : 0;
  return 1_000 + jitter + held;
}

/** Heartbeats every 2 s from `fromUs` to `toUs` (server time), received as whole milliseconds. */
function heartbeats(
  clock: ReturnType<typeof deviceClock>,
  fromUs: number,
  toUs: number,
  random: SeededRandom,
): ClockSample[] {
  const samples: ClockSample[] = [];
  for (let sent = fromUs; sent <= toUs; sent += 2_000_000) {
    const received = sent + networkDelayUs(random);
    samples.push({ deviceUs: clock.deviceAt(sent), serverUs: Math.floor(received / 1000) * 1000 });
  }
  return samples;
}

describe('estimateClockOffset', () => {
  it('keeps a 2.5 s offset drifting 50 ppm within its bound over a day, and the bound small', () => {
    const random = seededRandom(21);
    const clock = deviceClock(2_500_000, 50);
    let worstBoundUs = 0;
    // Every 10 minutes through the day, the last ten minutes of heartbeats, read at the newest one.
    for (let now = EPOCH_US + 600_000_000; now <= EPOCH_US + DAY_US; now += 600_000_000) {
      const samples = heartbeats(clock, now - 600_000_000, now, random);
      const at = clock.deviceAt(now);
      const estimate = estimateClockOffset(samples, at);
      expect(estimate).not.toBeNull();
      if (!estimate) return;
      const error = Math.abs(estimate.offsetUs - clock.offsetAt(at));
      expect(error).toBeLessThanOrEqual(estimate.boundUs);
      worstBoundUs = Math.max(worstBoundUs, estimate.boundUs);
    }
    expect(worstBoundUs).toBeLessThan(5_000);
    // Over the day the offset moved by 4.3 s: a constant offset would be far off.
    expect(
      Math.abs(clock.offsetAt(clock.deviceAt(EPOCH_US + DAY_US)) - clock.offsetAt(0)),
    ).toBeGreaterThan(4_000_000);
  });

  it('follows the drift within a window: a ten-minute window read at its end', () => {
    const random = seededRandom(7);
    const clock = deviceClock(2_500_000, 50);
    const start = EPOCH_US + DAY_US / 2;
    const samples = heartbeats(clock, start, start + 600_000_000, random);
    const at = clock.deviceAt(start + 600_000_000);
    const estimate = estimateClockOffset(samples, at);
    // 50 ppm over ten minutes is 30 ms: only a line that follows the drift stays within ms.
    expect(estimate && Math.abs(estimate.offsetUs - clock.offsetAt(at))).toBeLessThan(3_000);
  });

  it('widens the bound when the fastest messages are rare (a congested network)', () => {
    const clock = deviceClock(2_500_000, 0);
    const quiet = heartbeats(clock, EPOCH_US, EPOCH_US + 300_000_000, seededRandom(3));
    const congested = quiet.map((s, i) => ({
      ...s,
      serverUs: s.serverUs + (i % 40 === 0 ? 0 : 40_000 + (i % 7) * 10_000),
    }));
    const at = clock.deviceAt(EPOCH_US + 300_000_000);
    const calm = estimateClockOffset(quiet, at);
    const busy = estimateClockOffset(congested, at);
    expect(calm && busy && busy.boundUs > calm.boundUs + 10_000).toBe(true);
    expect(busy && Math.abs(busy.offsetUs - clock.offsetAt(at))).toBeLessThanOrEqual(
      busy?.boundUs ?? -1,
    );
  });

  it('says nothing from too few samples or too short a span (a device just booted)', () => {
    const clock = deviceClock(2_500_000, 50);
    const samples = heartbeats(clock, EPOCH_US, EPOCH_US + 300_000_000, seededRandom(5));
    expect(estimateClockOffset(samples.slice(0, 5), 0)).toBeNull();
    // Three minutes of heartbeats are not yet enough (docs/sensor-contract.md#clock-offsets).
    expect(estimateClockOffset(samples.slice(0, 99), samples[98].deviceUs)).toBeNull();
    expect(estimateClockOffset(samples.slice(0, 100), samples[99].deviceUs)).not.toBeNull();
    const burst = samples.map((s, i) => ({ deviceUs: 1_000 * i, serverUs: s.serverUs }));
    expect(estimateClockOffset(burst, 0)).toBeNull();
  });
});

describe('estimateClockOffset, a controller switched on a few minutes ago', () => {
  it('keeps the offset within its bound in 1,000 simulated starts: any phase, drift up to 200 ppm, read at the newest sample', () => {
    const random = seededRandom(77);
    const misses: string[] = [];
    for (let trial = 0; trial < 1_000; trial++) {
      const clock = deviceClock(random.next() * 5_000_000, (random.next() * 2 - 1) * 200);
      const from = EPOCH_US + random.next() * 1e9 + random.next() * 1_000;
      // As many heartbeats as the estimate first needs: the finish is read at the newest one.
      const samples = heartbeats(clock, from, from + 99 * 2_000_000, random);
      const at = samples[samples.length - 1].deviceUs;
      const estimate = estimateClockOffset(samples, at);
      if (!estimate) throw new Error(`no estimate from ${samples.length} samples`);
      const error = Math.abs(estimate.offsetUs - clock.offsetAt(at));
      if (error > estimate.boundUs)
        misses.push(`${error.toFixed(0)} > ${estimate.boundUs.toFixed(0)} µs`);
    }
    expect(misses).toEqual([]);
  });
});

describe('crossDeviceDuration', () => {
  it('times a run between two drifting clocks within the stated bound', () => {
    const random = seededRandom(11);
    const startClock = deviceClock(0, 0);
    const finishClock = deviceClock(2_500_000, 50);
    const from = EPOCH_US + 3_600_000_000;
    const startAt = from + 300_000_000;
    const trueDurationUs = 47_321_456;
    const finishAt = startAt + trueDurationUs;
    const startSamples = heartbeats(startClock, from, finishAt, random);
    const finishSamples = heartbeats(finishClock, from, finishAt, random);
    const startUs = startClock.deviceAt(startAt);
    const finishUs = finishClock.deviceAt(finishAt);
    const start = estimateClockOffset(startSamples, startUs);
    const finish = estimateClockOffset(finishSamples, finishUs);
    if (!start || !finish) throw new Error('no estimate');
    const run = crossDeviceDuration(
      { deviceUs: startUs, clock: start },
      { deviceUs: finishUs, clock: finish },
    );
    expect(Math.abs(run.durationUs - trueDurationUs)).toBeLessThanOrEqual(run.boundUs);
    expect(timingBoundMs(run.boundUs)).toBeLessThanOrEqual(10);
    // Read as one device's clock, the time would be off by the 2.5 s offset.
    expect(Math.abs(finishUs - startUs - trueDurationUs)).toBeGreaterThan(2_000_000);
  });

  it('rounds the stored bound up, with the rounding of the time itself; one clock is exact', () => {
    expect(timingBoundMs(0)).toBe(0);
    expect(timingBoundMs(2_100)).toBe(3);
    expect(timingBoundMs(2_500)).toBe(3);
    expect(timingBoundMs(2_501)).toBe(4);
  });
});
