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
});
