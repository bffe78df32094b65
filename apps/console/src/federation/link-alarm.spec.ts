import type { RepublicLinkStatus, VenueLinkSummary } from '@olympiad/contracts';
import {
  linkAlarm,
  minutesSince,
  NO_NEWS_AFTER_MINUTES,
  noNewsMinutes,
  STALLED_AFTER_MS,
} from './link-alarm';

const NOW = Date.parse('2026-12-05T10:00:00Z');
const status = (change: Partial<RepublicLinkStatus>): RepublicLinkStatus => ({
  stageId: 's',
  stageName: 'Aktobe',
  republicUrl: 'http://republic',
  linkedAt: '2026-12-05T08:00:00Z',
  claimed: true,
  state: 'up',
  pendingEntries: 0,
  pendingChanges: false,
  lastAttemptAt: null,
  lastAckAt: new Date(NOW - 5_000).toISOString(),
  lastError: null,
  deviations: [],
  conflicts: 0,
  ...change,
});
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('linkAlarm', () => {
  it('is ok while the link is up and the republic confirms', () => {
    expect(linkAlarm(status({ pendingEntries: 3 }), NOW)).toBe('ok');
  });

  it('is down whenever the last attempt failed, waiting or not', () => {
    expect(linkAlarm(status({ state: 'down', lastError: 'fetch failed' }), NOW)).toBe('down');
  });

  it('is stalled when items wait and nothing was confirmed for over two minutes', () => {
    const old = ago(STALLED_AFTER_MS + 1_000);
    expect(linkAlarm(status({ pendingEntries: 1, lastAckAt: old }), NOW)).toBe('stalled');
    expect(linkAlarm(status({ pendingChanges: true, lastAckAt: old }), NOW)).toBe('stalled');
    expect(linkAlarm(status({ pendingEntries: 1, lastAckAt: null }), NOW)).toBe('stalled');
  });

  it('is not stalled by a quiet link with nothing waiting', () => {
    expect(linkAlarm(status({ lastAckAt: ago(60 * 60_000) }), NOW)).toBe('ok');
  });

  it('says file-only for a venue linked by file', () => {
    expect(linkAlarm(status({ state: 'file-only', republicUrl: null }), NOW)).toBe('file-only');
  });
});

describe('minutesSince', () => {
  it('counts whole minutes, never below zero, and nothing without a time', () => {
    expect(minutesSince(ago(125_000), NOW)).toBe(2);
    expect(minutesSince(ago(-30_000), NOW)).toBe(0);
    expect(minutesSince(null, NOW)).toBeNull();
    expect(minutesSince('not a time', NOW)).toBeNull();
  });
});

describe('noNewsMinutes', () => {
  const venue = (change: Partial<VenueLinkSummary>): VenueLinkSummary => ({
    stageId: 's',
    stageName: 'Aktobe',
    stageCode: 'AKT-R',
    regionCode: 'aktobe',
    stageStatus: 'live',
    linkState: 'linked',
    publicKey: 'key',
    linkedAt: ago(60 * 60_000),
    lastContactAt: ago(5 * 60_000),
    lastDataAt: null,
    lastVia: 'online',
    venuePending: 0,
    entries: 0,
    conflicts: 0,
    deviations: [],
    ...change,
  });

  it('flags a live, linked venue silent for more than ten minutes, with the minutes', () => {
    expect(noNewsMinutes(venue({ lastContactAt: ago(11 * 60_000) }), NOW)).toBe(11);
    expect(
      noNewsMinutes(venue({ lastContactAt: ago(NO_NEWS_AFTER_MINUTES * 60_000) }), NOW),
    ).toBeNull();
  });

  it('counts from the link when the venue was never heard from', () => {
    expect(noNewsMinutes(venue({ lastContactAt: null }), NOW)).toBe(60);
  });

  it('does not flag a stage that is not live or not linked', () => {
    const silent = { lastContactAt: ago(60 * 60_000) };
    expect(noNewsMinutes(venue({ ...silent, stageStatus: 'closed' }), NOW)).toBeNull();
    expect(noNewsMinutes(venue({ ...silent, linkState: 'code-issued' }), NOW)).toBeNull();
  });
});
