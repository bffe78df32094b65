import { KAZAKH_ALPHABET, RUSSIAN_ALPHABET } from './alphabets';
import { compareNames, sortByName } from './collation';
import type { Lang } from './languages';

const sorted = (names: string[], lang: Lang) => sortByName(names, (name) => name, lang);

/** A fixed shuffle, so a failure is reproducible. */
function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  let seed = 7;
  for (let index = copy.length - 1; index > 0; index--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const other = seed % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

describe('compareNames, Kazakh', () => {
  it('knows the 42 letters of the Kazakh and the 33 of the Russian alphabet', () => {
    expect(KAZAKH_ALPHABET).toHaveLength(42);
    expect(RUSSIAN_ALPHABET).toHaveLength(33);
  });

  it('orders the letters as the Kazakh alphabet', () => {
    expect(sorted(shuffle(KAZAKH_ALPHABET), 'kk')).toEqual([...KAZAKH_ALPHABET]);
  });

  it('orders lowercase letters as the Kazakh alphabet', () => {
    const lower = KAZAKH_ALPHABET.map((letter) => letter.toLowerCase());
    expect(sorted(shuffle(lower), 'kk')).toEqual(lower);
  });

  it('puts Kazakh letters where the Kazakh alphabet has them', () => {
    expect(
      sorted(
        ['Эмир', 'Іле', 'Ырыс', 'Үміт', 'Ұлан', 'Ферзь', 'Уран', 'Әлем', 'Ақбота', 'Бота'],
        'kk',
      ),
    ).toEqual(['Ақбота', 'Әлем', 'Бота', 'Уран', 'Ұлан', 'Үміт', 'Ферзь', 'Ырыс', 'Іле', 'Эмир']);
  });

  it('compares letter by letter inside names', () => {
    expect(sorted(['Қасымов', 'Касымов', 'Кәрімов', 'Карімов'], 'kk')).toEqual([
      'Карімов',
      'Касымов',
      'Кәрімов',
      'Қасымов',
    ]);
  });

  it('puts Ё right after Е', () => {
    expect(sorted(['Жанар', 'Ёлка', 'Ерлан'], 'kk')).toEqual(['Ерлан', 'Ёлка', 'Жанар']);
  });

  it('sorts a Latin look-alike inside a Cyrillic word as the Cyrillic letter', () => {
    // "Aқбота" begins with a Latin A.
    expect(sorted(['Бота', 'Aқбота', 'Zeta'], 'kk')).toEqual(['Aқбота', 'Бота', 'Zeta']);
  });
});

describe('compareNames, Russian', () => {
  it('orders the letters as the Russian alphabet', () => {
    expect(sorted(shuffle(RUSSIAN_ALPHABET), 'ru')).toEqual([...RUSSIAN_ALPHABET]);
  });

  it('puts each Kazakh letter right after its base letter', () => {
    expect(sorted(['Йошкар', 'Іле', 'Иван', 'Ырыс', 'Үміт', 'Фарид', 'Ұлан'], 'ru')).toEqual([
      'Иван',
      'Іле',
      'Йошкар',
      'Ұлан',
      'Үміт',
      'Фарид',
      'Ырыс',
    ]);
  });
});

describe('compareNames, any language', () => {
  it('compares numbers by value', () => {
    expect(sorted(['Команда 10', 'Команда 2', 'Команда 1'], 'kk')).toEqual([
      'Команда 1',
      'Команда 2',
      'Команда 10',
    ]);
    expect(sorted(['№ 12 мектеп', '№ 9 мектеп', '№ 012 мектеп'], 'kk')).toEqual([
      '№ 9 мектеп',
      '№ 012 мектеп',
      '№ 12 мектеп',
    ]);
  });

  it('puts a space before letters', () => {
    expect(sorted(['Ақбота', 'Ақ Бота'], 'kk')).toEqual(['Ақ Бота', 'Ақбота']);
  });

  it('puts a shorter name that is a prefix first', () => {
    expect(compareNames('Алма', 'Алматы', 'kk')).toBeLessThan(0);
  });

  it('breaks ties by case, lowercase first, and is 0 only for the same string', () => {
    expect(compareNames('алма', 'Алма', 'kk')).toBeLessThan(0);
    expect(compareNames('Алма', 'алма', 'kk')).toBeGreaterThan(0);
    expect(compareNames('Алма', 'Алма', 'kk')).toBe(0);
  });

  it('ignores surrounding and doubled spaces', () => {
    expect(compareNames('  Ақ  Бота ', 'Ақ Бота', 'kk')).toBe(0);
    expect(sorted(['Ақбота', 'Ақ  Бота'], 'kk')).toEqual(['Ақ  Бота', 'Ақбота']);
  });

  it('puts Cyrillic before Latin in kk and ru, Latin first in en', () => {
    expect(sorted(['Robots', 'Роботтар'], 'kk')).toEqual(['Роботтар', 'Robots']);
    expect(sorted(['Robots', 'Роботы'], 'ru')).toEqual(['Роботы', 'Robots']);
    expect(sorted(['Роботтар', 'Robots'], 'en')).toEqual(['Robots', 'Роботтар']);
  });

  it('treats a decomposed Ё like the composed one', () => {
    expect(compareNames('Е\u0308лка', 'Ёлка', 'ru')).toBe(0);
  });

  it('is consistent: a < b exactly when b > a', () => {
    const names = [
      'Ақбота',
      'Әлем',
      'ақбота',
      'Команда 2',
      'Robots',
      'Aқбота',
      'Ёлка',
      'Іле',
      'Ырыс',
      '',
    ];
    for (const a of names) {
      for (const b of names) {
        expect(Math.sign(compareNames(a, b, 'kk')) + Math.sign(compareNames(b, a, 'kk'))).toBe(0);
      }
    }
  });
});
