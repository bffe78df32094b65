import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, then the rate, and refills over time', () => {
    let now = 0;
    const sut = new TokenBucket(10, 20, () => now);
    const burst = Array.from({ length: 25 }, () => sut.take()).filter(Boolean).length;
    expect(burst).toBe(20);
    now += 500; // half a second: 5 more
    expect(Array.from({ length: 10 }, () => sut.take()).filter(Boolean).length).toBe(5);
    now += 60_000; // never more than the burst
    expect(Array.from({ length: 30 }, () => sut.take()).filter(Boolean).length).toBe(20);
  });

  it('keeps a device’s events flowing when the clock it is given steps back an hour', () => {
    let now = 3_600_000;
    const sut = new TokenBucket(10, 20, () => now);
    expect(sut.take()).toBe(true);
    now -= 3_600_000;
    expect(Array.from({ length: 10 }, () => sut.take()).filter(Boolean).length).toBe(10);
  });

  it('counts on the monotonic clock by default, which a wall clock correction does not move', () => {
    const wall = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 3_600_000);
    const sut = new TokenBucket(10, 20);
    expect(sut.take()).toBe(true);
    wall.mockReturnValue(Date.now() - 3_600_000);
    try {
      expect(sut.take()).toBe(true);
    } finally {
      wall.mockRestore();
    }
  });
});
