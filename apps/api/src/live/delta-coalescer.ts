import type { StandingsDelta } from '@olympiad/contracts';

export interface CoalescerClock {
  now(): number;
  schedule(run: () => void, delayMs: number): { cancel(): void };
}

export const systemClock: CoalescerClock = {
  now: () => Date.now(),
  schedule: (run, delayMs) => {
    const timer = setTimeout(run, delayMs);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

interface Pending {
  delta: StandingsDelta & { from: number };
  published: boolean;
  timer: { cancel(): void };
}

/**
 * Limits broadcasts per category to one per `minIntervalMs` (docs/design.md#live-updates:
 * with 10,000 viewers each broadcast costs ~15–20 µs per viewer). The first delta after a quiet spell goes out at
 * once, so a single result is never delayed; deltas that follow within the interval are merged
 * (the last row of each team wins) and go out together at its end as one delta spanning
 * `from` → `version`. Deltas that do not chain (a version gap) are never merged.
 */
export class DeltaCoalescer {
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly send: (delta: StandingsDelta, published: boolean) => void,
    private readonly minIntervalMs = 100,
    private readonly clock: CoalescerClock = systemClock,
  ) {}

  push(delta: StandingsDelta, published: boolean): void {
    const key = delta.categoryId;
    const from = delta.from ?? delta.version - 1;
    const held = this.pending.get(key);
    if (held) {
      if (held.delta.version === from && held.published === published) {
        const rows = new Map(held.delta.changed.map((row) => [row.teamId, row]));
        for (const row of delta.changed) rows.set(row.teamId, row);
        held.delta = { ...held.delta, version: delta.version, changed: [...rows.values()] };
        return;
      }
      this.flush(key);
    }
    const last = this.lastSent.get(key);
    const now = this.clock.now();
    if (last === undefined || now - last >= this.minIntervalMs) {
      this.emit(key, delta, published);
      return;
    }
    const timer = this.clock.schedule(() => this.flush(key), last + this.minIntervalMs - now);
    this.pending.set(key, { delta: { ...delta, from }, published, timer });
  }

  /** Sends what is held for the category now (e.g. before a snapshot would overtake it). */
  flush(categoryId: string): void {
    const held = this.pending.get(categoryId);
    if (!held) return;
    held.timer.cancel();
    this.pending.delete(categoryId);
    this.emit(categoryId, held.delta, held.published);
  }

  /** Forgets what is held: a snapshot that covers it is about to be sent instead. */
  discard(categoryId: string): void {
    this.pending.get(categoryId)?.timer.cancel();
    this.pending.delete(categoryId);
  }

  private emit(key: string, delta: StandingsDelta, published: boolean): void {
    this.lastSent.set(key, this.clock.now());
    // A single step keeps the plain contract shape (no `from`).
    const plain = delta.from === delta.version - 1 ? { categoryId: delta.categoryId, version: delta.version, changed: delta.changed } : delta;
    this.send(plain, published);
  }
}
