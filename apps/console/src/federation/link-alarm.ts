import type { RepublicLinkStatus, VenueLinkSummary } from '@olympiad/contracts';

/** Items waiting with no acknowledgement for longer than this: the sync has stopped. */
export const STALLED_AFTER_MS = 2 * 60_000;

/**
 * How loudly the venue's strip speaks (docs/federation.md, "National view"): `ok` green,
 * `file-only` and `stalled` amber, `down` red. A sync that has stopped must be impossible to miss.
 */
export type LinkAlarm = 'ok' | 'file-only' | 'stalled' | 'down';

export function isWaiting(status: RepublicLinkStatus): boolean {
  return status.pendingEntries > 0 || status.pendingChanges;
}

export function linkAlarm(status: RepublicLinkStatus, now: number): LinkAlarm {
  if (status.state === 'file-only') return 'file-only';
  if (status.state === 'down') return 'down';
  const lastAck = status.lastAckAt ? Date.parse(status.lastAckAt) : Number.NaN;
  const silentFor = Number.isNaN(lastAck) ? Infinity : now - lastAck;
  return isWaiting(status) && silentFor > STALLED_AFTER_MS ? 'stalled' : 'ok';
}

/** Whole minutes from `iso` to `now` (0 for a time in the future), null without a time. */
export function minutesSince(iso: string | null, now: number): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now - at) / 60_000));
}

/** A live stage's venue that has not been heard from for longer than this is flagged. */
export const NO_NEWS_AFTER_MINUTES = 10;

/** Whether a linked, live stage's venue has been silent too long. */
export function noNewsMinutes(venue: VenueLinkSummary, now: number): number | null {
  if (venue.linkState !== 'linked' || venue.stageStatus !== 'live') return null;
  const minutes = minutesSince(venue.lastContactAt ?? venue.linkedAt, now);
  return minutes !== null && minutes > NO_NEWS_AFTER_MINUTES ? minutes : null;
}
