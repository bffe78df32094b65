import {
  idleStall,
  restartStall,
  stallExpired,
  stallRemaining,
  startStall,
  stopStall,
} from './stall-countdown';

describe('stall countdown', () => {
  it('shows the whole limit until the attempt starts, and never expires before it', () => {
    const idle = idleStall(10_000);
    expect(stallRemaining(idle, 50_000)).toBe(10_000);
    expect(stallExpired(idle, 50_000)).toBe(false);
    expect(restartStall(idle, 50_000)).toEqual(idle);
  });

  it('counts down from the start and expires when the limit has passed', () => {
    const running = startStall(idleStall(10_000), 1_000);
    expect(stallRemaining(running, 4_500)).toBe(6_500);
    expect(stallExpired(running, 10_999)).toBe(false);
    expect(stallExpired(running, 11_000)).toBe(true);
    expect(stallRemaining(running, 30_000)).toBe(0);
  });

  it('starts the whole limit again on progress', () => {
    const running = startStall(idleStall(10_000), 0);
    const restarted = restartStall(running, 9_000);
    expect(stallRemaining(restarted, 9_000)).toBe(10_000);
    expect(stallExpired(restarted, 18_999)).toBe(false);
    expect(stallExpired(restarted, 19_000)).toBe(true);
  });

  it('does not bring an expired countdown back with a late progress tap', () => {
    const running = startStall(idleStall(5_000), 0);
    const late = restartStall(running, 6_000);
    expect(stallExpired(late, 6_000)).toBe(true);
  });

  it('stops where it was when the attempt ends, and then neither counts nor restarts', () => {
    const stopped = stopStall(startStall(idleStall(10_000), 0), 3_000);
    expect(stallRemaining(stopped, 100_000)).toBe(7_000);
    expect(stallExpired(stopped, 100_000)).toBe(false);
    expect(restartStall(stopped, 100_000)).toEqual(stopped);
    expect(stopStall(stopped, 200_000)).toEqual(stopped);
  });
});
