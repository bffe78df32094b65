import { clockText, elapsedMs } from './field-clock';

describe('clockText', () => {
  it.each([
    [0, '0:00.0'],
    [-50, '0:00.0'],
    [9_999, '0:09.9'],
    [83_400, '1:23.4'],
    [600_000, '10:00.0'],
  ])('%p ms → %p', (ms, text) => expect(clockText(ms)).toBe(text));
});

describe('elapsedMs', () => {
  it('counts from the start by the server clock, whatever the screen clock says', () => {
    const startedAt = '2026-12-05T10:00:00.000Z';
    const serverNow = Date.parse('2026-12-05T10:00:05.000Z');
    const screenNow = serverNow - 120_000; // the screen's clock is two minutes behind
    expect(elapsedMs(startedAt, serverNow - screenNow, screenNow)).toBe(5_000);
  });
});
