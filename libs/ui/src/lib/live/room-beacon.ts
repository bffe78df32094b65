/**
 * What a room's beacon (docs/deploy.md#silent-rooms) means for the state a client holds. `held`:
 * the version held (null: nothing visible, e.g. an unpublished category; undefined: no version to
 * compare). `told`: the beacon's version (null: nothing visible; undefined: the room has none).
 * Behind means deltas were missed (or a publication changed) and only a fresh snapshot repairs it.
 */
export function isBehind(
  held: number | null | undefined,
  told: number | null | undefined,
): boolean {
  if (held === undefined || told === undefined) return false;
  if (told === null) return held !== null;
  return held === null || held < told;
}

/** Beacons missed in a row before a room counts as silent and is asked for a fresh snapshot. */
export const SILENT_AFTER_BEACONS = 3;

/**
 * How long a room may stay behind a beacon before it resyncs: a delta sent just before the beacon
 * may still be on its way (coalesced, or through Redis). Spread over one more grace, so the viewers
 * of a room do not all ask for their snapshot at the same moment.
 */
export function behindGraceMs(graceMs: number, random: () => number = Math.random): number {
  return Math.round(graceMs * (1 + random()));
}

/**
 * How long a silent room waits before it asks (again): the silence limit, doubled after each resync
 * that brought no answer (up to 8×), and spread over half of it more, so the viewers of a room that
 * went quiet together (a struggling database or Redis) neither ask at the same moment nor keep
 * asking at full pace.
 */
export function silenceWaitMs(
  limitMs: number,
  unansweredResyncs: number,
  random: () => number = Math.random,
): number {
  return Math.round(limitMs * 2 ** Math.min(unansweredResyncs, 3) * (1 + random() / 2));
}
