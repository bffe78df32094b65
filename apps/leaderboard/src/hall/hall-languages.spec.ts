import { parseHallLanguages } from './hall-page';

describe('parseHallLanguages', () => {
  it.each([
    ['kk+ru', ['kk', 'ru']],
    ['kk ru', ['kk', 'ru']],
    ['ru', ['ru']],
    ['ru+ru', ['ru']],
    ['de', []],
    [null, []],
  ])('%p → %p', (value, langs) => expect(parseHallLanguages(value)).toEqual(langs));
});
