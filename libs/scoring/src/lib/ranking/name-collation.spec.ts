import { seededRandom } from '../common/seeded-random';
import { compareNames, KAZAKH_ALPHABET, sortByName } from './name-collation';

describe('Kazakh/Russian name order', () => {
  it('orders the 42 letters of the Kazakh alphabet', () => {
    const letters = [...'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ'];
    expect(letters).toHaveLength(42);
    const shuffled = seededRandom(7).shuffle(letters);
    expect(sortByName(shuffled, (x) => x)).toEqual(letters);
    expect(KAZAKH_ALPHABET).toBe(letters.join('').toLowerCase());
  });

  it('puts Kazakh letters after their base letter, not by code point', () => {
    expect(
      sortByName(
        [
          'Лашын',
          'Қыран',
          'Кемел',
          'Әсем',
          'Арман',
          'Бота',
          'Ұлан',
          'Үміт',
          'Улан',
          'Іңкәр',
          'Ырыс',
          'Һаким',
          'Хан',
        ],
        (x) => x,
      ),
    ).toEqual([
      'Арман',
      'Әсем',
      'Бота',
      'Кемел',
      'Қыран',
      'Лашын',
      'Улан',
      'Ұлан',
      'Үміт',
      'Хан',
      'Һаким',
      'Ырыс',
      'Іңкәр',
    ]);
  });

  it('sorts Russian names in Russian order, Cyrillic before Latin', () => {
    expect(sortByName(['Юлия', 'Ёлка', 'Ежик', 'Zeta', 'Alpha', 'Жанна'], (x) => x)).toEqual([
      'Ежик',
      'Ёлка',
      'Жанна',
      'Юлия',
      'Alpha',
      'Zeta',
    ]);
  });

  it('compares numbers by value and ignores case unless names are otherwise equal', () => {
    expect(sortByName(['Team 10', 'team 2', 'Team 1'], (x) => x)).toEqual([
      'Team 1',
      'team 2',
      'Team 10',
    ]);
    expect(compareNames('алтын', 'Алтын')).toBeLessThan(0);
    expect(compareNames('Алтын', 'Алтын')).toBe(0);
    expect(compareNames('Ақ Барыс', 'Ақбота')).toBeLessThan(0);
  });
});
