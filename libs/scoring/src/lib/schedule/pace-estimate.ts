/**
 * Estimated start times from the recent pace of a ring or table (docs/rules.md#schedules): the
 * median gap between the last finishes, so one long repair or a break does not swing every
 * estimate. Before two finishes there is no pace, and no estimate is made.
 */

/** How many of the latest gaps between finishes the pace is taken from. */
export const PACE_RECENT_GAPS = 5;

/** The median of the latest `recent` gaps between the finish times given; null with fewer than two. */
export function recentPaceMs(
  finishTimesMs: readonly number[],
  recent = PACE_RECENT_GAPS,
): number | null {
  const sorted = [...finishTimesMs].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push(sorted[i] - sorted[i - 1]);
  const latest = gaps.slice(-recent).sort((a, b) => a - b);
  if (latest.length === 0) return null;
  const middle = Math.floor(latest.length / 2);
  return latest.length % 2 === 1 ? latest[middle] : (latest[middle - 1] + latest[middle]) / 2;
}

/**
 * When the waiting entries start, in ms from now, in order: the first is expected a pace after the
 * last finish, each next one a pace later; never in the past. Null for every entry when there is
 * no pace yet.
 */
export function estimatedWaitsMs(
  waiting: number,
  paceMs: number | null,
  lastFinishMs: number | null,
  nowMs: number,
): (number | null)[] {
  return Array.from({ length: waiting }, (_, index) =>
    paceMs === null || lastFinishMs === null
      ? null
      : Math.max(0, lastFinishMs + (index + 1) * paceMs - nowMs),
  );
}
