import { en } from './catalogs/en';
import { kk } from './catalogs/kk';
import { ru } from './catalogs/ru';
import { LANGUAGES } from './languages';
import type { MessageKey } from './message-key';
import { interpolate, isMessageKey, t, translateKey } from './translate';

const catalogs = { kk, ru, en } as Record<string, Record<string, string>>;
const placeholders = (text: string) =>
  [
    ...new Set([...text.matchAll(/\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((match) => match[1])),
  ].sort();

describe('catalogs', () => {
  it.each(LANGUAGES)('%s has exactly the English key set', (lang) => {
    expect(Object.keys(catalogs[lang]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LANGUAGES)('%s has no empty message', (lang) => {
    const empty = Object.entries(catalogs[lang]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(['kk', 'ru'])('%s uses the same {placeholders} as English in every message', (lang) => {
    const mismatched = Object.keys(en).filter(
      (key) => placeholders(catalogs[lang][key]).join() !== placeholders(catalogs.en[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has the error keys the API sends', () => {
    const apiKeys = [
      'errors.validation',
      'errors.unauthorized',
      'errors.forbidden',
      'errors.notFound',
      'errors.tooManyRequests',
      'errors.conflict',
      'errors.payloadTooLarge',
      'auth.wrongPin',
      'auth.wrongPassword',
      'auth.wrongSetupToken',
      'auth.setupDone',
      'errors.request',
      'errors.internal',
      'errors.unknownReference',
      'errors.unsupportedMediaType',
      'live.notPublished',
      'ledger.categoryLocked',
      'ledger.idReused',
      'ledger.correctOthers',
      'ledger.invalidEntry',
      'judges.pinTaken',
      'devices.idTaken',
      'categories.rulesLocked',
      'categories.presetDiscipline',
      'teams.gradeOutsideGroup',
    ];
    expect(apiKeys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('is Kazakh text in the Kazakh catalog, not copied Russian', () => {
    const sameAsRussian = (Object.keys(en) as MessageKey[]).filter(
      (key) => kk[key] === ru[key] && /[а-яё]{4,}/i.test(kk[key]),
    );
    // Words that really are the same in both languages.
    expect(sameAsRussian.sort()).toEqual([
      'audit.object.olympiad',
      'audit.object.team',
      'board.table.team',
      'console.activity.actor.system',
      'console.stage.tab.republic',
      'diplomaCheck.team',
      'discipline.maze',
      'discipline.sumo',
      'inspection.team',
    ]);
  });
});

describe('t', () => {
  it('returns the message in the chosen language', () => {
    expect(t('kk', 'common.signIn')).toBe('Кіру');
    expect(t('ru', 'common.signIn')).toBe('Войти');
    expect(t('en', 'common.signIn')).toBe('Sign in');
  });

  it('fills {name} placeholders', () => {
    expect(t('ru', 'console.olympiads.created', { name: 'R:ED FEST' })).toBe(
      'Олимпиада «R:ED FEST» создана.',
    );
    expect(t('kk', 'validation.tooShort', { min: 10 })).toBe('Кемінде 10 таңба');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(interpolate('Code {code} of {stage}', { code: 'AB-1' })).toBe('Code AB-1 of {stage}');
  });

  it('does not read inherited properties as values', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});

describe('translateKey', () => {
  it('translates a key the catalogs know', () => {
    expect(translateKey('kk', 'errors.tooManyRequests', 'Too many requests')).toBe(
      kk['errors.tooManyRequests'],
    );
  });

  it('falls back to the text the server sent for an unknown key', () => {
    expect(translateKey('kk', 'errors.somethingNew', 'Something new went wrong')).toBe(
      'Something new went wrong',
    );
  });

  it('does not take Object.prototype names for keys', () => {
    expect(isMessageKey('constructor')).toBe(false);
  });
});

describe('plural forms', () => {
  const entries = '{count, plural, =0 {no entries} one {# entry} other {# entries}}';
  const ruTeams =
    '{count, plural, one {# команда} few {# команды} many {# команд} other {# команды}}';

  it('chooses the English form by count, an exact count first', () => {
    expect(interpolate(entries, { count: 0 }, 'en')).toBe('no entries');
    expect(interpolate(entries, { count: 1 }, 'en')).toBe('1 entry');
    expect(interpolate(entries, { count: 7 }, 'en')).toBe('7 entries');
  });

  it('chooses the Russian one / few / many forms', () => {
    expect(interpolate(ruTeams, { count: 1 }, 'ru')).toBe('1 команда');
    expect(interpolate(ruTeams, { count: 3 }, 'ru')).toBe('3 команды');
    expect(interpolate(ruTeams, { count: 5 }, 'ru')).toBe('5 команд');
    expect(interpolate(ruTeams, { count: 21 }, 'ru')).toBe('21 команда');
    expect(interpolate(ruTeams, { count: 12 }, 'ru')).toBe('12 команд');
  });

  it('fills other placeholders inside a form and leaves a missing count visible', () => {
    const text = '{name}: {count, plural, one {# try} other {# tries}}';
    expect(interpolate(text, { name: 'A', count: 2 }, 'en')).toBe('A: 2 tries');
    expect(interpolate(text, { name: 'A' }, 'en')).toBe(
      `A: {count, plural, one {# try} other {# tries}}`,
    );
  });
});
