import { Injectable } from '@nestjs/common';
import {
  CLOCK_SAMPLE_WINDOW,
  type ClockSample,
  crossDeviceDuration,
  estimateClockOffset,
  timingBoundMs,
} from '@olympiad/scoring';
import { SensorEventsQuery, type SensorEventRow } from '../sensors/sensor-events.query';
import type { StartGate } from './run-statements';

/** A run's time between two devices' gates and its error bound, both in whole milliseconds. */
export interface CrossDeviceTime {
  durationMs: number;
  boundMs: number;
}

const toSample = (event: { deviceTimeUs: number; receivedAt: string }): ClockSample => ({
  deviceUs: event.deviceTimeUs,
  serverUs: Date.parse(event.receivedAt) * 1000,
});

/**
 * Times a run whose start and finish gates are on two devices (docs/sensor-contract.md#clock-offsets):
 * each gate's device time is mapped to server time by its boot's clock offset, estimated from the
 * boot's stored events. Nothing is kept in memory, so a restarted server or another replica
 * estimates from the same rows. Null when either clock cannot be estimated yet (a device just
 * booted): the run is then timed by hand.
 */
@Injectable()
export class CrossDeviceTiming {
  constructor(private readonly sensorEvents: SensorEventsQuery) {}

  /** `finish` is not stored yet: it is a sample of its own boot too. */
  async time(start: StartGate, finish: SensorEventRow): Promise<CrossDeviceTime | null> {
    const [startSamples, finishSamples] = await Promise.all([
      this.sensorEvents.clockSamplesOf(start.deviceId, start.boot, CLOCK_SAMPLE_WINDOW),
      this.sensorEvents.clockSamplesOf(finish.deviceId, finish.boot, CLOCK_SAMPLE_WINDOW - 1),
    ]);
    const startClock = estimateClockOffset(startSamples.map(toSample), start.deviceTimeUs);
    const finishClock = estimateClockOffset(
      [...finishSamples, finish].map(toSample),
      finish.deviceTimeUs,
    );
    if (!startClock || !finishClock) return null;
    const run = crossDeviceDuration(
      { deviceUs: start.deviceTimeUs, clock: startClock },
      { deviceUs: finish.deviceTimeUs, clock: finishClock },
    );
    return { durationMs: Math.round(run.durationUs / 1000), boundMs: timingBoundMs(run.boundUs) };
  }
}
