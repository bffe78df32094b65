import { matchesSearch, searchKey } from './search';

describe('searchKey', () => {
  it('lowercases and folds Kazakh letters to the Russian letters typed for them', () => {
    expect(searchKey('ӘҒҚҢӨҰҮҺІ әғқңөұүһі')).toBe('агкноуухи агкноуухи');
  });

  it('treats Ё as Е', () => {
    expect(searchKey('Семён Ёлкин')).toBe('семен елкин');
  });

  it('turns punctuation into single spaces', () => {
    expect(searchKey('  «Роботех» —  №12, г. Тараз ')).toBe('роботех 12 г тараз');
  });

  it('folds Latin look-alikes inside Cyrillic words, not in Latin words', () => {
    // Latin i twice in "Бiлiм", Latin A in "Aқбота".
    expect(searchKey('Бiлiм Aқбота Robot')).toBe('билим акбота robot');
  });
});

describe('matchesSearch', () => {
  it('finds a Kazakh name typed on a Russian keyboard', () => {
    expect(matchesSearch('касым', 'Қасым Әлихан')).toBe(true);
    expect(matchesSearch('алихан', 'Қасым Әлихан')).toBe(true);
    expect(matchesSearch('онер', '«Өнер» командасы')).toBe(true);
    expect(matchesSearch('билим', 'Білім-инновация лицейі')).toBe(true);
  });

  it('finds a Kazakh name typed with Kazakh letters', () => {
    expect(matchesSearch('Қасым', 'Қасым Әлихан')).toBe(true);
  });

  it('is case-insensitive and treats Ё and Е alike both ways', () => {
    expect(matchesSearch('СЕМЁН', 'семен')).toBe(true);
    expect(matchesSearch('семен', 'Семён')).toBe(true);
  });

  it('needs every word of the query, in any order', () => {
    expect(matchesSearch('тараз 12', 'Мектеп-гимназия №12, Тараз')).toBe(true);
    expect(matchesSearch('тараз 13', 'Мектеп-гимназия №12, Тараз')).toBe(false);
  });

  it('does not match a different name', () => {
    expect(matchesSearch('нұр', 'Мұрат')).toBe(false);
    expect(matchesSearch('Айгерим', 'Айгүл')).toBe(false);
  });

  it('finds a name typed with a Latin look-alike', () => {
    expect(matchesSearch('білім', 'Бiлiм')).toBe(true);
  });

  it('keeps Latin search case-insensitive', () => {
    expect(matchesSearch('almaty', 'ALMATY ROBOTICS')).toBe(true);
    expect(matchesSearch('ROBO', 'Mega robots')).toBe(true);
  });

  it('matches everything with an empty query', () => {
    expect(matchesSearch('  ', 'Ақбота')).toBe(true);
  });
});
