import { Histogram } from 'prom-client';

export const liveFanOutSeconds = new Histogram({
  name: 'olympiad_live_fanout_seconds',
  help: "From a standings change's commit to its delta handed to Socket.IO (this replica's viewers written, Redis publish issued), merging wait included",
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5],
});

/**
 * Times each category's delta from the commit that made it to its broadcast. Deltas merged while
 * a broadcast waits (docs/design.md#live-updates) are timed from the oldest of them: the viewer
 * waited that long for it.
 */
export class FanOutTimer {
  private readonly since = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  committed(categoryId: string): void {
    if (!this.since.has(categoryId)) this.since.set(categoryId, this.now());
  }

  broadcast(categoryId: string): void {
    const start = this.since.get(categoryId);
    if (start === undefined) return;
    this.since.delete(categoryId);
    liveFanOutSeconds.observe((this.now() - start) / 1000);
  }

  /** A snapshot replaces what was waiting: that wait is not a delta's. */
  forget(categoryId: string): void {
    this.since.delete(categoryId);
  }
}
