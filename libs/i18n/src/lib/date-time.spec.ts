import {
  formatClockTime,
  formatDate,
  formatDateRange,
  formatDateTime,
  isTimeZone,
  timeZoneLabel,
} from './date-time';
import { LANGUAGES } from './languages';

// 16:05:09 in Almaty (UTC+5): an afternoon time, so a 12-hour clock would show "4:05".
const afternoon = '2026-05-01T11:05:09.000Z';

describe('times of day', () => {
  it.each(LANGUAGES)('are 24-hour in %s', (lang) => {
    expect(formatClockTime(afternoon, lang, 'Asia/Almaty')).toBe('16:05');
    expect(formatClockTime(afternoon, lang, 'Asia/Almaty', { seconds: true })).toBe('16:05:09');
    expect(formatClockTime(afternoon, lang, 'UTC')).toBe('11:05');
  });

  it('write midnight as 00, not 24', () => {
    expect(formatClockTime('2026-05-01T19:00:00.000Z', 'en', 'Asia/Almaty')).toBe('00:00');
  });

  it('give nothing for a value that is not a date', () => {
    expect(formatClockTime('not a date', 'kk')).toBe('');
    expect(formatDateTime(Number.NaN, 'ru')).toBe('');
  });
});

describe('dates', () => {
  it('are written day first in the reader language, in the given zone', () => {
    expect(formatDate(afternoon, 'en', 'Asia/Almaty')).toBe('1 May 2026');
    expect(formatDate(afternoon, 'ru', 'Asia/Almaty')).toBe('1 мая 2026 г.');
    expect(formatDate(afternoon, 'kk', 'Asia/Almaty')).toBe('2026 ж. 1 мамыр');
    expect(formatDate('2026-12-07T06:00:00.000Z', 'kk', 'Asia/Almaty')).toBe('2026 ж. 7 желтоқсан');
    // 20:30 UTC on 30 April is already 1 May in Almaty.
    expect(formatDate('2026-04-30T20:30:00.000Z', 'en', 'Asia/Almaty')).toBe('1 May 2026');
  });

  it('can be written in figures, alike in Kazakh and Russian', () => {
    expect(formatDate(afternoon, 'kk', 'Asia/Almaty', { numeric: true })).toBe('01.05.2026');
    expect(formatDateTime(afternoon, 'ru', 'Asia/Almaty', { numeric: true })).toBe(
      '01.05.2026, 16:05',
    );
  });

  it('read the same where the runtime has no Kazakh or Russian locale data (Debian Chromium)', () => {
    // Such a runtime formats every locale as its fallback; before dates were spelled here, a
    // Kazakh hall screen read "2026 M12 7".
    const RealFormat = Intl.DateTimeFormat;
    const spy = jest
      .spyOn(Intl, 'DateTimeFormat')
      .mockImplementation(
        (_locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) =>
          new RealFormat('en-US', options),
      );
    try {
      jest.isolateModules(() => {
        const fresh: typeof import('./date-time') = jest.requireActual('./date-time');
        expect(fresh.formatDate(afternoon, 'kk', 'Asia/Almaty')).toBe('2026 ж. 1 мамыр');
        expect(fresh.formatDate(afternoon, 'ru', 'Asia/Almaty')).toBe('1 мая 2026 г.');
        expect(fresh.formatDate(afternoon, 'kk', 'Asia/Almaty', { numeric: true })).toBe(
          '01.05.2026',
        );
        expect(fresh.formatDateTime(afternoon, 'en', 'Asia/Almaty', { numeric: true })).toBe(
          '01/05/2026, 16:05',
        );
      });
    } finally {
      spy.mockRestore();
    }
  });

  it('of a stage, as its calendar days', () => {
    expect(formatDateRange('2026-12-05', '2026-12-06', 'ru')).toBe('5–6 декабря 2026 г.');
    expect(formatDateRange('2026-12-05', '2026-12-06', 'kk')).toBe('2026 ж. 5–6 желтоқсан');
    expect(formatDateRange('2026-11-30', '2026-12-01', 'en')).toBe(
      '30 November 2026 – 1 December 2026',
    );
    expect(formatDateRange('2026-12-05', '2026-12-05', 'kk')).toBe('2026 ж. 5 желтоқсан');
    expect(formatDateRange('2026-12-31', '2027-01-01', 'en')).toBe(
      '31 December 2026 – 1 January 2027',
    );
    expect(formatDateRange('not a day', 'not a day', 'en')).toBe('not a day');
  });

  it('with a time of day read 24-hour', () => {
    expect(formatDateTime(afternoon, 'en', 'Asia/Almaty')).toBe('1 May 2026, 16:05');
    expect(formatDateTime(afternoon, 'ru', 'Asia/Almaty')).toMatch(/, 16:05$/);
  });
});

describe('time zones', () => {
  it('are named with their offset', () => {
    expect(timeZoneLabel('Asia/Almaty', afternoon)).toBe('Asia/Almaty, UTC+5');
    expect(timeZoneLabel('UTC', afternoon)).toBe('UTC');
    expect(timeZoneLabel('Europe/London', '2026-01-10T12:00:00.000Z')).toBe('Europe/London, UTC');
  });

  it('are checked against the runtime', () => {
    expect(isTimeZone('Asia/Almaty')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
