import { clockText, elapsedMs } from './field-clock';

describe('clockText', () => {
  it.each([
    [0, '0:00.000'],
    [-50, '0:00.000'],
    [9_999, '0:09.999'],
    [83_456, '1:23.456'],
    [107_981, '1:47.981'],
    [600_000, '10:00.000'],
  ])('%p ms → %p, the thousandths of the field’s gates', (ms, text) =>
    expect(clockText(ms)).toBe(text),
  );

  it('writes a stopwatch-timed clock in hundredths', () => {
    expect(clockText(107_981, 'cs')).toBe('1:47.98');
  });
});

describe('elapsedMs', () => {
  it('counts from the start by the server clock, whatever the screen clock says', () => {
    const startedAt = '2026-12-05T10:00:00.000Z';
    const serverNow = Date.parse('2026-12-05T10:00:05.000Z');
    const screenNow = serverNow - 120_000; // the screen's clock is two minutes behind
    expect(elapsedMs(startedAt, serverNow - screenNow, screenNow)).toBe(5_000);
  });
});
