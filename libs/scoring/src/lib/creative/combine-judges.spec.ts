import { compareParts, ratio } from '../ranking/rank-key';
import { combineMarks, hundredths, medianOf, trimmedMeanOf, weightedSum } from './combine-judges';

const same = (a: { num: number; den: number }, b: { num: number; den: number }) =>
  compareParts(a, b) === 0;

describe('combining judges', () => {
  it('trims the highest and lowest mark only from the configured number of judges', () => {
    expect(same(trimmedMeanOf([9, 7, 7, 6, 2], 5), ratio(20, 3))).toBe(true);
    expect(same(trimmedMeanOf([9, 7, 7, 6], 5), ratio(29, 4))).toBe(true);
    expect(same(trimmedMeanOf([9, 7, 7, 6], 4), ratio(7, 1))).toBe(true);
  });

  it('takes the median, the mean of the middle two for an even count', () => {
    expect(same(medianOf([3, 9, 5]), ratio(5, 1))).toBe(true);
    expect(same(medianOf([3, 9, 5, 8]), ratio(13, 2))).toBe(true);
    expect(same(combineMarks([1, 2], 'mean', 5), ratio(3, 2))).toBe(true);
  });

  it('adds weighted ratios exactly and rounds only for display', () => {
    const total = weightedSum([
      { value: ratio(20, 3), weight: 2 },
      { value: ratio(13, 2), weight: 1 },
    ]);
    expect(same(total, ratio(119, 6))).toBe(true);
    expect(hundredths(total)).toBe(1983);
    expect(hundredths(ratio(1, 8))).toBe(13);
  });
});
