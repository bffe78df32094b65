import { t as translate } from '@olympiad/i18n';
import { entryKindName, entrySummary } from './entry-summary';

const tr =
  (lang: 'kk' | 'ru' | 'en') =>
  (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(lang, key, params);

const attempt = (touches: number) => ({
  attempt: 1,
  outcome: 'finished',
  timeMs: 50_156,
  touches,
  timing: 'sensor',
});

describe('entry summary for the head judge', () => {
  it('writes the touches as words with the plural form of the language', () => {
    expect(entrySummary(tr('en'), 'maze.attempt', attempt(1))).toBe(
      '#1 · Finished · 0:50.156 · 1 touch',
    );
    expect(entrySummary(tr('en'), 'maze.attempt', attempt(2))).toBe(
      '#1 · Finished · 0:50.156 · 2 touches',
    );
    expect(entrySummary(tr('ru'), 'maze.attempt', attempt(2))).toContain('2 касания');
    expect(entrySummary(tr('ru'), 'maze.attempt', attempt(5))).toContain('5 касаний');
    expect(entrySummary(tr('ru'), 'maze.attempt', attempt(21))).toContain('21 касание');
    expect(entrySummary(tr('kk'), 'maze.attempt', attempt(2))).toContain('2 жанасу');
  });

  it('writes a time with the precision the list asks for', () => {
    const stopwatch = {
      attempt: 2,
      outcome: 'finished',
      timeMs: 61_350,
      touches: 0,
      timing: 'stopwatch',
    };
    expect(entrySummary(tr('en'), 'maze.attempt', stopwatch)).toContain('1:01.35 ·');
    expect(entrySummary(tr('en'), 'maze.attempt', stopwatch, { precision: 'ms' })).toContain(
      '1:01.350 ·',
    );
  });

  it('names the kind of an entry in the reader’s language, never the ledger’s name', () => {
    expect(entryKindName(tr('en'), 'maze.attempt')).toBe('Maze attempt');
    expect(entryKindName(tr('kk'), 'maze.attempt')).toBe('Лабиринт әрекеті');
    expect(entryKindName(tr('ru'), 'sumo.match')).toBe('Поединок сумо');
    expect(entryKindName(tr('ru'), 'something.new')).toBe('Другая запись');
  });

  it('counts entries the rules leave out with plural forms', () => {
    expect(translate('en', 'judge.review.warnings', { count: 1 })).toMatch(
      /^1 entry is not counted/,
    );
    expect(translate('en', 'judge.review.warnings', { count: 3 })).toMatch(
      /^3 entries are not counted/,
    );
    expect(translate('ru', 'judge.review.warnings', { count: 1 })).toMatch(
      /^Правила не учли 1 запись\./,
    );
    expect(translate('ru', 'judge.review.warnings', { count: 3 })).toMatch(
      /^Правила не учли 3 записи\./,
    );
    expect(translate('ru', 'judge.review.warnings', { count: 5 })).toMatch(
      /^Правила не учли 5 записей\./,
    );
  });
});

describe('a sumo match in the history', () => {
  const match = {
    matchId: 'A-1',
    a: 'team-a',
    b: 'team-b',
    events: [{ type: 'point', side: 'a' }, { type: 'draw' }, { type: 'warning', side: 'b' }],
  };
  const names: Record<string, string> = { 'team-a': 'Жолбарыс', 'team-b': 'Батыр' };

  it('names the teams and the events in words, not the ledger’s point:a', () => {
    const line = entrySummary(tr('ru'), 'sumo.match', match, { teamName: (id) => names[id] });
    expect(line).toBe(
      'A-1 · Жолбарыс – Батыр: Очко (юко): Жолбарыс, Ничья в раунде, Предупреждение: Батыр',
    );
    expect(entrySummary(tr('en'), 'sumo.match', match)).not.toMatch(/point:a|warning:b/);
  });
});
