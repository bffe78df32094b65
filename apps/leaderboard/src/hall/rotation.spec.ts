import { parseEverySeconds } from './rotation';

describe('parseEverySeconds', () => {
  it.each([
    [null, 15],
    ['', 15],
    ['abc', 15],
    ['-3', 15],
    ['20', 20],
    ['7.6', 8],
    ['1', 5],
    ['100000', 600],
  ])('%p → %p seconds', (value, expected) => {
    expect(parseEverySeconds(value)).toBe(expected);
  });
});
