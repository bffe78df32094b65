import { chooseLanguage, createLanguageStore, type KeyValueStore } from './language-choice';
import { parseLang } from './languages';

describe('parseLang', () => {
  it.each([
    ['kk', 'kk'],
    ['kk-KZ', 'kk'],
    ['RU_ru', 'ru'],
    ['en-US', 'en'],
    ['de', null],
    ['', null],
    [null, null],
  ])('%p → %p', (input, expected) => {
    expect(parseLang(input)).toBe(expected);
  });
});

describe('chooseLanguage', () => {
  it('defaults to Kazakh', () => {
    expect(chooseLanguage({})).toBe('kk');
  });

  it('prefers an explicit request over the stored choice', () => {
    expect(chooseLanguage({ requested: 'ru', stored: 'en' })).toBe('ru');
  });

  it('prefers the stored choice over the device languages', () => {
    expect(chooseLanguage({ stored: 'en', preferred: ['ru-RU'] })).toBe('en');
  });

  it('ignores an unknown request', () => {
    expect(chooseLanguage({ requested: 'fr', stored: 'ru' })).toBe('ru');
  });

  it('takes the first Kazakh or Russian device language', () => {
    expect(chooseLanguage({ preferred: ['de-DE', 'ru-RU', 'kk-KZ'] })).toBe('ru');
  });

  it('does not switch to English just because the device is set to English', () => {
    expect(chooseLanguage({ preferred: ['en-US', 'en'] })).toBe('kk');
  });
});

describe('createLanguageStore', () => {
  function memoryStore(): KeyValueStore & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (key) => data.get(key) ?? null,
      setItem: (key, value) => void data.set(key, value),
    };
  }

  it('writes and reads back the language', () => {
    const store = memoryStore();
    const sut = createLanguageStore(store);
    sut.write('ru');
    expect(sut.read()).toBe('ru');
    expect(store.data.get('olympiad.lang')).toBe('ru');
  });

  it('reads nothing from a stored value that is not a language', () => {
    const store = memoryStore();
    store.data.set('olympiad.lang', 'xx');
    expect(createLanguageStore(store).read()).toBeNull();
  });

  it('survives a store that throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const sut = createLanguageStore(broken);
    expect(() => sut.write('en')).not.toThrow();
    expect(sut.read()).toBeNull();
  });
});
