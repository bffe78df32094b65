import { formatClockTime, formatDateTime, type Lang } from '@olympiad/i18n';
import { minutesSince } from './link-alarm';

/** Within the last 12 hours as HH:MM (the day at hand); older times with their date in figures. */
export function formatMoment(iso: string, lang: Lang, now: number): string {
  const minutes = minutesSince(iso, now) ?? 0;
  return minutes < 12 * 60
    ? formatClockTime(iso, lang)
    : formatDateTime(iso, lang, undefined, { numeric: true });
}
