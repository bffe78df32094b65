import { estimatedWaitsMs, recentPaceMs } from './pace-estimate';

const MIN = 60_000;

describe('the recent pace of a ring or table', () => {
  it('is no pace before two finishes', () => {
    expect(recentPaceMs([])).toBeNull();
    expect(recentPaceMs([10 * MIN])).toBeNull();
  });

  it('is the median gap between the latest finishes, whatever order they come in', () => {
    expect(recentPaceMs([4 * MIN, 0, 2 * MIN, 9 * MIN])).toBe(2 * MIN);
    expect(recentPaceMs([0, 2 * MIN, 5 * MIN])).toBe(2.5 * MIN);
  });

  it('is not swung by one long break, and forgets gaps older than the latest few', () => {
    const finishes = [0, 60 * MIN, 62 * MIN, 64 * MIN, 66 * MIN, 68 * MIN, 70 * MIN];
    expect(recentPaceMs(finishes, 5)).toBe(2 * MIN);
    expect(recentPaceMs([0, 1 * MIN, 2 * MIN, 10 * MIN, 20 * MIN, 30 * MIN], 3)).toBe(10 * MIN);
  });
});

describe('estimated waits', () => {
  it('puts the next one a pace after the last finish and each next one a pace later', () => {
    expect(estimatedWaitsMs(3, 2 * MIN, 100 * MIN, 101 * MIN)).toEqual([1 * MIN, 3 * MIN, 5 * MIN]);
  });

  it('never in the past when the field runs behind', () => {
    expect(estimatedWaitsMs(2, 2 * MIN, 100 * MIN, 103 * MIN)).toEqual([0, 1 * MIN]);
  });

  it('makes no estimate without a pace', () => {
    expect(estimatedWaitsMs(2, null, 100 * MIN, 101 * MIN)).toEqual([null, null]);
    expect(estimatedWaitsMs(1, 2 * MIN, null, 101 * MIN)).toEqual([null]);
  });
});
