import type { RepublicLinkStatus } from '@olympiad/contracts';

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
