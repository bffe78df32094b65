/**
 * A device clock read against the server clock, from one-way messages only (docs/sensor-contract.md,
 * *Clock offsets*). Every stored event of a device boot is a sample: the device's time `t` when it
 * sent it and the server's time when it arrived. The arrival is the sending moment plus a network
 * delay that is never negative, so `server − device` of each sample is the offset plus that delay:
 * the samples with the smallest apparent delay bound the offset from above (NTP's min-delay
 * filter). The offset also drifts (a crystal 50 ppm off gains 4.3 s a day), so the bound is the
 * straight line under all samples of the window, which follows the drift.
 */

/** One message of a device boot: when the device sent it and when the server received it. */
export interface ClockSample {
  /** The device's monotonic clock, µs since its boot. */
  deviceUs: number;
  /** The server's clock at receipt, µs since the epoch. */
  serverUs: number;
}

export interface ClockOffsetOptions {
  /**
   * The most the fastest message of a window takes on the venue network (µs). A one-way sample
   * cannot tell this floor from the offset; the estimate takes the middle of [0, floor].
   */
  networkFloorUs: number;
  /** How finely the server's receive times are kept (stored receive times are whole ms). */
  receiveResolutionUs: number;
  /**
   * Fewer samples than this, or a shorter span, gives no estimate. Simulated venue Wi-Fi with
   * 2 s heartbeats (drift up to 200 ppm, random phases): with 8 samples 17 % of offsets lay
   * outside their bound, up to 4.6 times it; with 60, 1.3 %; with 100 (and the slack below) none
   * of 10,000 (docs/sensor-contract.md#clock-offsets).
   */
  minSamples: number;
  minSpanUs: number;
  /**
   * How many times the slack (the fourth-lowest sample's height above the line) the bound allows
   * for the line itself sitting above the true offset: the fastest of a window's messages were
   * themselves late by about that much again, and the slope is read from them too.
   */
  slackFactor: number;
}

export const DEFAULT_CLOCK_OFFSET_OPTIONS: ClockOffsetOptions = {
  networkFloorUs: 2_000,
  receiveResolutionUs: 1_000,
  minSamples: 100,
  minSpanUs: 2_000_000,
  slackFactor: 3,
};

/** How many of a boot's newest samples the estimate reads (ten minutes of 2 s heartbeats). */
export const CLOCK_SAMPLE_WINDOW = 300;

/** The server time of a device moment: `server = device + offsetUs`, true to within ±`boundUs`. */
export interface ClockOffsetEstimate {
  offsetUs: number;
  boundUs: number;
}

interface Point {
  x: number;
  y: number;
}

/** The lower convex hull of points sorted by x (Andrew's monotone chain). */
function lowerHull(points: readonly Point[]): Point[] {
  const hull: Point[] = [];
  for (const p of points) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      // Drop b when it lies on or above the segment a→p.
      if ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) <= 0) hull.pop();
      else break;
    }
    hull.push(p);
  }
  return hull;
}

/**
 * The offset of a device boot at device time `atDeviceUs`, from the boot's samples (any order), or
 * null when they are too few or too close together to say. The line under all samples that lies
 * closest to them on average is the lower hull's edge over their mean time (a linear programme
 * whose optimum is a hull vertex pair); its distance to the next-lowest samples measures how well
 * the fastest messages pin it down, and that slack grows when the estimate reaches beyond the window.
 */
export function estimateClockOffset(
  samples: readonly ClockSample[],
  atDeviceUs: number,
  options: ClockOffsetOptions = DEFAULT_CLOCK_OFFSET_OPTIONS,
): ClockOffsetEstimate | null {
  if (samples.length < options.minSamples) return null;
  // Work relative to the first sample: epoch microseconds are too large to multiply exactly.
  const x0 = samples[0].deviceUs;
  const y0 = samples[0].serverUs - samples[0].deviceUs;
  const byX = new Map<number, number>();
  for (const s of samples) {
    const x = s.deviceUs - x0;
    const y = s.serverUs - s.deviceUs - y0;
    const seen = byX.get(x);
    if (seen === undefined || y < seen) byX.set(x, y);
  }
  const points = [...byX].map(([x, y]) => ({ x, y })).sort((a, b) => a.x - b.x);
  const first = points[0].x;
  const last = points[points.length - 1].x;
  const span = last - first;
  if (points.length < options.minSamples || span < options.minSpanUs) return null;

  const hull = lowerHull(points);
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  let edge = 0;
  while (edge < hull.length - 2 && hull[edge + 1].x < meanX) edge++;
  const a = hull[edge];
  const b = hull[edge + 1];
  const slope = (b.y - a.y) / (b.x - a.x);
  const lineAt = (x: number) => a.y + slope * (x - a.x);

  // The slack: how far above the line the fourth-lowest sample lies (the two on it are exact).
  const residuals = points.map((p) => p.y - lineAt(p.x)).sort((u, v) => u - v);
  const slack = residuals[Math.min(3, residuals.length - 1)];
  const at = atDeviceUs - x0;
  const centre = (first + last) / 2;
  const reach = Math.max(1, Math.abs(at - centre) / (span / 2));

  // Receive times are truncated, so a sample can read up to one resolution step early.
  const offset = y0 + lineAt(at) - options.networkFloorUs / 2 + options.receiveResolutionUs / 2;
  const bound =
    options.networkFloorUs / 2 +
    options.receiveResolutionUs / 2 +
    options.slackFactor * slack * reach;
  return { offsetUs: offset, boundUs: bound };
}

/** A run's time between two devices' gates, in server time, and how far from the truth it can be. */
export interface CrossDeviceDuration {
  durationUs: number;
  boundUs: number;
}

/** The finish mapped to server time by the finish device's offset, minus the start mapped by its own. */
export function crossDeviceDuration(
  start: { deviceUs: number; clock: ClockOffsetEstimate },
  finish: { deviceUs: number; clock: ClockOffsetEstimate },
): CrossDeviceDuration {
  return {
    durationUs: finish.deviceUs + finish.clock.offsetUs - (start.deviceUs + start.clock.offsetUs),
    boundUs: start.clock.boundUs + finish.clock.boundUs,
  };
}

/**
 * The bound as stored with a run, in whole milliseconds: rounded up, plus the half millisecond the
 * rounding of the time itself may add. A time from one device clock is exact: 0.
 */
export function timingBoundMs(boundUs: number): number {
  return boundUs <= 0 ? 0 : Math.ceil((boundUs + 500) / 1000);
}
