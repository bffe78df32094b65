import { retryAfterSeconds, secondsLeft } from './retry-after';

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-12-06T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds(' 7 ', now)).toBe(7);
  });

  it('reads an HTTP date as the seconds until it', () => {
    expect(retryAfterSeconds('Sun, 06 Dec 2026 10:00:42 GMT', now)).toBe(42);
    expect(retryAfterSeconds('Sun, 06 Dec 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('gives null for no header or one it cannot read', () => {
    expect(retryAfterSeconds(null, now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds('-5', now)).toBeNull();
  });
});

describe('secondsLeft', () => {
  it('rounds up and stops at zero', () => {
    expect(secondsLeft(10_500, 10_000)).toBe(1);
    expect(secondsLeft(12_000, 10_000)).toBe(2);
    expect(secondsLeft(9_000, 10_000)).toBe(0);
  });
});
