import { backoffWaitMs, SIGN_IN_BACKOFF } from './sign-in-backoff';

describe('backoffWaitMs', () => {
  it('lets the first failures try again at once', () => {
    for (let failures = 0; failures <= SIGN_IN_BACKOFF.freeFailures; failures++)
      expect(backoffWaitMs(failures)).toBe(0);
  });

  it('doubles the wait with each failure after them', () => {
    const first = SIGN_IN_BACKOFF.freeFailures + 1;
    expect(backoffWaitMs(first)).toBe(SIGN_IN_BACKOFF.firstWaitMs);
    expect(backoffWaitMs(first + 1)).toBe(2 * SIGN_IN_BACKOFF.firstWaitMs);
    expect(backoffWaitMs(first + 2)).toBe(4 * SIGN_IN_BACKOFF.firstWaitMs);
  });

  it('never waits longer than the cap', () => {
    expect(backoffWaitMs(1000)).toBe(SIGN_IN_BACKOFF.longestWaitMs);
    expect(backoffWaitMs(40)).toBe(SIGN_IN_BACKOFF.longestWaitMs);
  });
});
