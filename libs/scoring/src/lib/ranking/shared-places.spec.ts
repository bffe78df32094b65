import { compareKeys, negate, ratio } from './rank-key';
import { renumberPlaces, sharedPlaces } from './shared-places';
import { applyTieDecisions } from './tie-decisions';

describe('shared places', () => {
  it('gives equal results the same place and skips the next (1, 2, 2, 4)', () => {
    expect(sharedPlaces([10, 20, 20, 30, 30, 30, 40], (a, b) => a === b)).toEqual([
      1, 2, 2, 4, 4, 4, 7,
    ]);
  });

  it('closes gaps after rows drop out, keeping ties', () => {
    expect(renumberPlaces([1, 2, 2, 5, 7])).toEqual([1, 2, 2, 4, 5]);
  });
});

describe('rank keys', () => {
  it('compare exact ratios without floating-point rounding', () => {
    expect(compareKeys([ratio(1, 3)], [ratio(2, 6)])).toBe(0);
    expect(compareKeys([ratio(20, 3)], [ratio(667, 100)])).toBeLessThan(0);
    expect(compareKeys([negate(ratio(20, 3))], [-7])).toBeGreaterThan(0);
  });

  it('compare component by component', () => {
    expect(compareKeys([1, 5], [1, 4])).toBeGreaterThan(0);
    expect(compareKeys([0, 9], [1, 0])).toBeLessThan(0);
  });
});

describe('tie decisions', () => {
  it('split a tie by the newest decision listing all of its teams', () => {
    const result = applyTieDecisions(['a', 'b', 'c', 'd'], [1, 2, 2, 4], (x) => x, [
      ['x', 'b'],
      ['c', 'b', 'z'],
    ]);
    expect(result.sorted).toEqual(['a', 'c', 'b', 'd']);
    expect(result.places).toEqual([1, 2, 3, 4]);
    expect([...result.decided]).toEqual(['c', 'b']);
  });

  it('leave a tie shared when no decision covers it', () => {
    expect(applyTieDecisions(['a', 'b'], [1, 1], (x) => x, [['a', 'z']]).places).toEqual([1, 1]);
  });
});
