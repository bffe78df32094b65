import type { Lang } from './languages';

/**
 * Times of day and dates as people at the venue read them: 24-hour in every language (an English
 * "4:05 PM" is not how a Kazakhstani hall reads a clock), day before month, and in the venue's time
 * zone when one is given (otherwise the device's own).
 *
 * Dates are spelled here, not by the runtime's locale data: Debian's Chromium claims Kazakh but
 * has none of its month names, and wrote "2026 M12 7" and "2026-12-07" on the hall screen. Only
 * the numbers of the day, month and year come from `Intl`, so a PDF made on the server and a
 * screen read the same date alike.
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
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
};

// Kazakh names the month as it stands in a date; Russian in the genitive ("1 мая").
const MONTHS: Record<Lang, readonly string[]> = {
  kk: [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ],
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The calendar day of `date` in `timeZone` (the device's own when none is given). */
function calendarDay(date: Date, timeZone: string | undefined) {
  const parts = formatter('en', timeZone, DAY_MONTH_YEAR).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((found) => found.type === type)?.value);
  return { day: part('day'), month: part('month'), year: part('year') };
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

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

/**
 * "2026 ж. 1 мамыр" / "1 мая 2026 г." / "1 May 2026" ("01.05.2026", or "01/05/2026" in English,
 * when numeric); "" for an invalid date.
 */
export function formatDate(
  value: DateInput,
  lang: Lang,
  timeZone?: string,
  options: DateOptions = {},
): string {
  const date = toDate(value);
  if (!date) return '';
  const { day, month, year } = calendarDay(date, timeZone);
  if (options.numeric) {
    return [twoDigits(day), twoDigits(month), year].join(lang === 'en' ? '/' : '.');
  }
  return spelled(String(day), month, year, lang);
}

/** `days` is one day of the month ("7") or a run of them ("5–6"). */
function spelled(days: string, month: number, year: number, lang: Lang): string {
  const name = MONTHS[lang][month - 1];
  if (lang === 'kk') return `${year} ж. ${days} ${name}`;
  if (lang === 'ru') return `${days} ${name} ${year} г.`;
  return `${days} ${name} ${year}`;
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

/**
 * A stage's calendar days ("2026-12-05", as stored) for a reader: one date, "5–6 декабря 2026 г."
 * within a month, or "first – last". Calendar days have no time of day, so they are read in UTC,
 * never shifted by the device's zone.
 */
export function formatDateRange(startsOn: string, endsOn: string, lang: Lang): string {
  const from = toDate(startsOn);
  const to = toDate(endsOn);
  if (!from || !to) return startsOn === endsOn ? startsOn : `${startsOn} – ${endsOn}`;
  const first = calendarDay(from, 'UTC');
  const last = calendarDay(to, 'UTC');
  if (first.year !== last.year || first.month !== last.month) {
    return `${formatDate(from, lang, 'UTC')} – ${formatDate(to, lang, 'UTC')}`;
  }
  const days = first.day === last.day ? String(first.day) : `${first.day}–${last.day}`;
  return spelled(days, first.month, first.year, lang);
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
