import { t, type MessageKey } from '@olympiad/i18n';

/**
 * The organiser console writes counts into sentences ("1 team", "3 команды", "5 команд"); Russian
 * and English need the plural form the number takes, never "1 teams" or "Команд: 1".
 */
describe('console: counts in sentences take their plural form', () => {
  const say = (lang: 'ru' | 'en', key: MessageKey, params: Record<string, number>) =>
    t(lang, key, params);

  it('names teams, rows and categories in the form each number needs', () => {
    expect([1, 3, 5, 21].map((count) => say('ru', 'console.categories.teams', { count }))).toEqual([
      '1 команда',
      '3 команды',
      '5 команд',
      '21 команда',
    ]);
    expect([1, 2].map((count) => say('en', 'console.categories.teams', { count }))).toEqual([
      '1 team',
      '2 teams',
    ]);
    expect(say('ru', 'console.import.confirm', { count: 1 })).toBe('Загрузить 1 команду');
    expect(say('ru', 'console.import.confirm', { count: 5 })).toBe('Загрузить 5 команд');
    expect(say('en', 'console.import.confirm', { count: 1 })).toBe('Import 1 team');
    expect(say('ru', 'console.import.saving', { count: 2 })).toBe('Сохраняем 2 команды…');
    expect(say('ru', 'console.import.more', { count: 11 })).toBe('…и ещё 11 строк');
    expect(say('en', 'console.import.more', { count: 1 })).toBe('…and 1 more row');
    expect(say('ru', 'console.import.done', { teams: 1, schools: 0 })).toBe(
      'Загружено: 1 команда, новых школ нет.',
    );
    expect(say('en', 'console.import.done', { teams: 12, schools: 1 })).toBe(
      'Imported: 12 teams, 1 new school.',
    );
    expect(say('ru', 'console.qualification.enter', { count: 3 })).toBe(
      'Внести 3 команды в республиканский этап',
    );
    expect(say('ru', 'console.qualification.entered', { count: 1, already: 2 })).toBe(
      'Внесена 1 команда; 2 уже были.',
    );
    expect(say('en', 'console.qualification.entered', { count: 1, already: 0 })).toBe(
      '1 team entered; none was there before.',
    );
    expect(say('ru', 'console.sumo.playoff', { count: 2 })).toBe(
      'Из каждой группы в плей-офф выходят 2 команды.',
    );
    expect(say('en', 'console.sumo.playoff', { count: 1 })).toBe(
      'The winner of each group goes to the play-off.',
    );
    expect(say('ru', 'console.queue.mixed', { count: 3 })).toBe(
      'Одна очередь для 3 категорий: у каждой команды указана её категория.',
    );
    expect(say('ru', 'console.overview.touches', { count: 1 })).toBe('1 касание');
  });
});
