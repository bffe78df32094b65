import { formatHundredths, parseTime } from './maze-time';

describe('maze times', () => {
  it('reads what a judge types', () => {
    expect(parseTime('52.31')).toBe(52_310);
    expect(parseTime('0:52,31')).toBe(52_310);
    expect(parseTime('1:02.5')).toBe(62_500);
    expect(parseTime('1:75')).toBeNull();
    expect(parseTime('abc')).toBeNull();
  });

  it('shows hundredths like a stopwatch', () => {
    expect(formatHundredths(62_357)).toBe('1:02.35');
    expect(formatHundredths(0)).toBe('0:00.00');
  });
});
