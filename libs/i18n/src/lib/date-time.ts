import type { Lang } from './languages';

/**
 * Times of day and dates as people at the venue read them: 24-hour in every language (an English
 * "4:05 PM" is not how a Kazakhstani hall reads a clock), day before month, and in the venue's time
 * zone when one is given (otherwise the device's own).
 */
export type DateInput = Date | string | number;

// English dates are written day first, as in Kazakhstan ("1 May 2026", not "May 1, 2026").
const LOCALES: Record<Lang, string> = { kk: 'kk', ru: 'ru', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(
  lang: Lang,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const id = `${lang}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let found = formatters.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone });
    formatters.set(id, found);
  }
  return found;
}

function toDate(value: DateInput): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const CLOCK_SECONDS: Intl.DateTimeFormatOptions = { ...CLOCK, second: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const NUMERIC_DATE: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
};

/** `numeric`: "01.05.2026", the same in Kazakh and Russian (for bilingual documents). */
export interface DateOptions {
  numeric?: boolean;
}

/** "09:05" (or "09:05:09" with seconds); "" for an invalid date. */
export function formatClockTime(
  value: DateInput,
  lang: Lang,
  timeZone?: string,
  options: { seconds?: boolean } = {},
): string {
  const date = toDate(value);
  return date
    ? formatter(lang, timeZone, options.seconds ? CLOCK_SECONDS : CLOCK).format(date)
    : '';
}

/** "1 мамыр 2026 ж." / "1 мая 2026 г." / "1 May 2026"; "" for an invalid date. */
export function formatDate(
  value: DateInput,
  lang: Lang,
  timeZone?: string,
  options: DateOptions = {},
): string {
  const date = toDate(value);
  return date ? formatter(lang, timeZone, options.numeric ? NUMERIC_DATE : DATE).format(date) : '';
}

/** The date and the 24-hour time of day, e.g. "1 May 2026, 09:05"; "" for an invalid date. */
export function formatDateTime(
  value: DateInput,
  lang: Lang,
  timeZone?: string,
  options: DateOptions = {},
): string {
  const date = formatDate(value, lang, timeZone, options);
  return date && `${date}, ${formatClockTime(value, lang, timeZone)}`;
}

/** The zone named for a reader: "Asia/Almaty, UTC+5" (its offset at that moment). */
export function timeZoneLabel(timeZone: string, value: DateInput = new Date()): string {
  const date = toDate(value) ?? new Date();
  const offset =
    formatter('en', timeZone, { timeZoneName: 'shortOffset' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  const utc = /^(GMT|UTC)([+-]0)?$/.test(offset) ? 'UTC' : offset.replace(/^GMT/, 'UTC');
  return !utc || utc === timeZone ? timeZone : `${timeZone}, ${utc}`;
}

/** Whether the runtime knows `timeZone` as an IANA zone (for checking configuration). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
