import type { PublicRun } from '@olympiad/contracts';

/**
 * The screen's clock offset (server − local) for the run on each field, taken when the screen
 * first sees the run going and kept while that run goes on, through later messages and
 * reconnections. The offset comes from `serverNow`, the server's wall clock: were it taken again
 * from a message sent after that clock jumped (a laptop's clock corrected mid-day), the running
 * clock would leap by the jump, or stand at 0:00 for an hour after a jump back
 * (docs/results-display.md#the-field-clock).
 */
export class RunClockOffsets {
  private readonly byField = new Map<string, { startedAt: string; offsetMs: number }>();

  offsetOf(run: PublicRun, localNow: number = Date.now()): number {
    const fresh = Date.parse(run.serverNow) - localNow;
    if (run.state !== 'running' || !run.startedAt) {
      this.byField.delete(run.fieldId);
      return fresh;
    }
    const kept = this.byField.get(run.fieldId);
    if (kept?.startedAt === run.startedAt) return kept.offsetMs;
    this.byField.set(run.fieldId, { startedAt: run.startedAt, offsetMs: fresh });
    return fresh;
  }
}
