/**
 * One read shared by every caller that asks for the same key within `ttlMs`, the read in flight
 * included: thousands of phones asking the same public question after one score cost one read,
 * not thousands. Timed by the monotonic clock, so a jump of the wall clock neither keeps an
 * answer for an hour nor drops it early. A failed read is not kept.
 */
export class RecentReads<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  read(key: string, load: () => Promise<T>): Promise<T> {
    const at = this.now();
    const kept = this.entries.get(key);
    if (kept && at - kept.at < this.ttlMs) return kept.value;
    for (const [old, entry] of this.entries)
      if (at - entry.at >= this.ttlMs) this.entries.delete(old);
    const value = load();
    this.entries.set(key, { at, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
