import { finestPrecision, formatResultTime, parseResultTime, timePrecisionOf } from './format-time';

describe('formatResultTime', () => {
  it('writes thousandths for a sensor time and keeps trailing zeros', () => {
    expect(formatResultTime(56838, 'ms')).toBe('0:56.838');
    expect(formatResultTime(41000, 'ms')).toBe('0:41.000');
    expect(formatResultTime(107981, 'ms')).toBe('1:47.981');
  });

  it('writes hundredths for a stopwatch time, cutting rather than rounding', () => {
    expect(formatResultTime(50156, 'cs')).toBe('0:50.15');
    expect(formatResultTime(59999, 'cs')).toBe('0:59.99');
    expect(formatResultTime(0, 'cs')).toBe('0:00.00');
  });
});

describe('precision', () => {
  it('follows the timing source', () => {
    expect(timePrecisionOf('sensor', 41000)).toBe('ms');
    expect(timePrecisionOf('stopwatch', 41234)).toBe('cs');
    expect(timePrecisionOf(null, 41234)).toBe('ms');
    expect(timePrecisionOf(null, 41230)).toBe('cs');
  });

  it('a table uses the finest precision among its times', () => {
    expect(finestPrecision(['cs', 'ms', null])).toBe('ms');
    expect(finestPrecision(['cs', undefined])).toBe('cs');
    expect(finestPrecision([])).toBe('cs');
  });
});

describe('parseResultTime', () => {
  it('keeps every digit typed, down to the millisecond', () => {
    expect(parseResultTime('0:50.156')).toBe(50156);
    expect(parseResultTime('0:50.15')).toBe(50150);
    expect(parseResultTime('1:02,3')).toBe(62300);
    expect(parseResultTime('62.35')).toBe(62350);
    expect(parseResultTime('45')).toBe(45000);
  });

  it('reads back what formatResultTime wrote', () => {
    for (const ms of [0, 1, 999, 50156, 107981, 179999]) {
      expect(parseResultTime(formatResultTime(ms, 'ms'))).toBe(ms);
    }
  });

  it('refuses what is not a time', () => {
    for (const text of ['', 'abc', '1:75.00', '1:02.3456', '-3'])
      expect(parseResultTime(text)).toBeNull();
  });
});
