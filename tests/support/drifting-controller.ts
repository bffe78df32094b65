import { seededRandom, type SeededRandom } from '@olympiad/scoring';
import { performance } from 'node:perf_hooks';
import { RawDevice } from './raw-device';

/** The machine's clock in µs since the epoch, finer than Date.now(): the server reads the same clock. */
export const serverNowUs = (): number =>
  Math.round((performance.timeOrigin + performance.now()) * 1000);

/** How a simulated network delays each message, µs. */
export type NetworkDelay = (random: SeededRandom) => number;

/** Venue Wi-Fi: about a millisecond at best, a few ms of jitter, now and then a message held 40–120 ms. */
export const venueWifi: NetworkDelay = (random) =>
  1_000 -
  Math.log(1 - random.next()) * 4_000 +
  (random.next() < 0.05 ? 40_000 + random.next() * 80_000 : 0);

/**
 * A jammed link, as a controller far from the access point has it: one message in 100 gets through
 * at once and every other waits 300 ms, so too few fast messages pin its clock down and the bound
 * comes out far wider than any rules' tolerance, every time (a fresh link per controller).
 */
export function jammedLink(): NetworkDelay {
  let sent = 0;
  return () => (sent++ % 100 === 0 ? 1_000 : 300_000);
}

/**
 * A field controller whose microsecond clock is `offsetUs` ahead of the server's (counted from a
 * boot that many µs before it connected) and runs `ppm` fast, sending heartbeats and gates through
 * a network that delays each message by `delay` (the time is read when the message is made, as the
 * firmware does). The true server moment of every gate is known, so a test can compare.
 */
export class DriftingController {
  private readonly bootedAtUs = serverNowUs();
  private beat?: NodeJS.Timeout;
  private readonly sending = new Set<Promise<void>>();

  private constructor(
    readonly device: RawDevice,
    private readonly offsetUs: number,
    private readonly ppm: number,
    private readonly delay: NetworkDelay,
    private readonly random: SeededRandom,
  ) {}

  static async connect(
    mqttUrl: string,
    id: string,
    secret: string,
    clock: { offsetUs: number; ppm: number; delay: NetworkDelay; seed: number },
  ): Promise<DriftingController> {
    const device = await RawDevice.connect(mqttUrl, id, secret);
    return new DriftingController(
      device,
      clock.offsetUs,
      clock.ppm,
      clock.delay,
      seededRandom(clock.seed),
    );
  }

  /** The device clock at a server moment. */
  deviceTimeAt(serverUs: number): number {
    return Math.round(this.offsetUs + (serverUs - this.bootedAtUs) * (1 + this.ppm / 1e6));
  }

  /** Heartbeats every `everyMs` until stopped. */
  startHeartbeats(everyMs: number): void {
    this.beat = setInterval(
      () => this.send(this.device.heartbeat(this.deviceTimeAt(serverNowUs()))),
      everyMs,
    );
  }

  /** A gate crossed now; resolves with the true server moment of the crossing, µs. */
  gate(gate: 'start' | 'finish'): number {
    const at = serverNowUs();
    this.send(this.device.gate(gate, this.deviceTimeAt(at)));
    return at;
  }

  private send(message: object): void {
    const wait = this.delay(this.random) / 1000;
    const sent = new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() =>
      this.device.publish(message),
    );
    this.sending.add(sent);
    void sent.finally(() => this.sending.delete(sent));
  }

  async close(): Promise<void> {
    clearInterval(this.beat);
    await Promise.allSettled([...this.sending]);
    await this.device.close();
  }
}
