import type { DeviceLink } from './device-link';

export interface SimulatedDevice {
  id: string;
  secret: string;
  kind: 'maze' | 'sumo';
}

export interface SimulationOptions {
  /** Maze runs per device (start gate, then finish gate after the run time). */
  runs: number;
  /** Fixed run time in ms of device clock; default a realistic 30–120 s. */
  runMs?: number;
  /** Real seconds per device second: 1 is real time, 0.01 plays a 60 s run in 0.6 s. */
  timeScale: number;
  /** Pause between runs, in device ms. */
  pauseMs: number;
  random?: () => number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A simulated field: a maze gate pair producing runs with realistic timing on the device's own
 * microsecond clock, or a sumo ring's start button. The device clock advances with the simulated
 * time, so durations in the results are exactly the simulated run times.
 */
export async function simulateField(link: DeviceLink, device: SimulatedDevice, options: SimulationOptions): Promise<number[]> {
  const random = options.random ?? Math.random;
  let clockUs = 1_000_000 + Math.floor(random() * 1_000_000);
  const durations: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    if (device.kind === 'maze') {
      const runMs = options.runMs ?? 30_000 + Math.floor(random() * 90_000);
      link.send({ type: 'gate', gate: 'start', t: clockUs });
      await sleep(runMs * options.timeScale);
      clockUs += runMs * 1000 + Math.floor(random() * 500); // a real gate's jitter, under half a millisecond
      link.send({ type: 'gate', gate: 'finish', t: clockUs });
      durations.push(runMs);
    } else {
      link.send({ type: 'button', button: 'start', t: clockUs });
      const roundMs = options.runMs ?? 20_000 + Math.floor(random() * 60_000);
      await sleep(roundMs * options.timeScale);
      clockUs += roundMs * 1000;
      link.send({ type: 'button', button: 'stop', t: clockUs });
      durations.push(roundMs);
    }
    await sleep(options.pauseMs * options.timeScale);
    clockUs += options.pauseMs * 1000;
  }
  await link.drained();
  return durations;
}

/** Load mode: gate events at a fixed total rate across the links, for the ingestion benchmark. */
export async function simulateLoad(links: DeviceLink[], eventsPerSecond: number, seconds: number): Promise<number> {
  const total = Math.round(eventsPerSecond * seconds);
  const started = Date.now();
  const clocks = links.map(() => 1_000_000);
  for (let i = 0; i < total; i++) {
    const index = i % links.length;
    clocks[index] += 1000 + (i % 7);
    links[index].send({ type: 'gate', gate: i % 2 === 0 ? 'start' : 'finish', t: clocks[index] });
    const due = started + ((i + 1) * 1000) / eventsPerSecond;
    const wait = due - Date.now();
    if (wait > 1) await sleep(wait);
  }
  await Promise.all(links.map((link) => link.drained()));
  return total;
}
