import { findLatinLookalikes, replaceLatinLookalikes } from './lookalikes';

describe('findLatinLookalikes', () => {
  it('finds a Latin A at the start of a Kazakh name', () => {
    expect(findLatinLookalikes('Aқбота')).toEqual([{ index: 0, char: 'A', cyrillic: 'А' }]);
  });

  it('finds every Latin i in a word', () => {
    expect(findLatinLookalikes('Бiлiм')).toEqual([
      { index: 1, char: 'i', cyrillic: 'і' },
      { index: 3, char: 'i', cyrillic: 'і' },
    ]);
  });

  it('reports positions in the whole text', () => {
    expect(findLatinLookalikes('Команда «Kыран»')).toEqual([
      { index: 9, char: 'K', cyrillic: 'К' },
    ]);
  });

  it('flags a Latin letter with no Cyrillic twin, without a suggestion', () => {
    expect(findLatinLookalikes('Qазақ')).toEqual([{ index: 0, char: 'Q', cyrillic: null }]);
  });

  it('flags a Latin schwa standing for Ә', () => {
    expect(findLatinLookalikes('Əлем')).toEqual([{ index: 0, char: 'Ə', cyrillic: 'Ә' }]);
  });

  it('leaves clean Cyrillic and wholly Latin words alone', () => {
    expect(findLatinLookalikes('Ақбота Robotics ҚАЗАҚСТАН 2025')).toEqual([]);
  });
});

describe('replaceLatinLookalikes', () => {
  it('puts the Cyrillic letters in', () => {
    const fixed = replaceLatinLookalikes('Aқбота, Бiлiм, Robotics');
    expect(fixed).toBe('Ақбота, Білім, Robotics');
    expect(findLatinLookalikes(fixed)).toEqual([]);
  });
});
