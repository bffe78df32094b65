import { performance } from 'node:perf_hooks';

/**
 * A rate limit: `rate` tokens a second, at most `burst` saved up. It counts on the monotonic clock:
 * with the wall clock, a venue laptop's clock stepped back an hour left every device an hour of
 * negative tokens, and all its events were refused as a flood (docs/reliability.md#the-chaos-day).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  take(): boolean {
    const now = this.now();
    const elapsedMs = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.burst, this.tokens + (elapsedMs / 1000) * this.rate);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
