import { t } from '@olympiad/i18n';

/** Counts in the federation screens take the form each number needs, in Russian above all. */
describe('federation messages: counts in sentences', () => {
  it('says what waits at the venue', () => {
    expect([0, 1, 3, 5].map((count) => t('ru', 'console.federation.waiting', { count }))).toEqual([
      'ничего не ждёт',
      'ждёт 1 запись',
      'ждут 3 записи',
      'ждут 5 записей',
    ]);
    expect(t('en', 'console.federation.waiting', { count: 1 })).toBe('1 entry waits');
    expect(t('kk', 'console.federation.waiting', { count: 2 })).toBe('2 жазба күтіп тұр');
  });

  it('says what an imported bundle brought, without "label: number" phrasing', () => {
    const outcome = { file: 'a.olympiad-bundle', applied: 0, duplicates: 5, conflicts: 0 };
    expect(t('ru', 'console.venues.imported', outcome)).toBe(
      'a.olympiad-bundle: новых записей нет, 5 записей уже было, конфликтов нет.',
    );
    expect(t('ru', 'console.venues.imported', { ...outcome, applied: 2, duplicates: 1 })).toBe(
      'a.olympiad-bundle: 2 новые записи, 1 запись уже была, конфликтов нет.',
    );
    expect(t('en', 'console.venues.imported', { ...outcome, applied: 1, conflicts: 1 })).toBe(
      'a.olympiad-bundle: 1 new entry, 5 already here, 1 conflict kept aside.',
    );
  });

  it('says how long ago and how long a venue has been silent', () => {
    expect(t('ru', 'console.federation.minutesAgo', { count: 0 })).toBe('только что');
    expect(t('ru', 'console.federation.minutesAgo', { count: 2 })).toBe('2 минуты назад');
    expect(t('ru', 'console.venues.noNews', { count: 11 })).toBe('Нет вестей от площадки 11 минут');
    expect(t('en', 'console.venues.noNews', { count: 1 })).toBe(
      'No news from the venue for 1 minute',
    );
  });
});
