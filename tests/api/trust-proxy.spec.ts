import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';

/**
 * Sign-in is limited per client address (auth.controller.ts). Behind a load balancer every request
 * comes from the balancer; TRUST_PROXY names it, so the address is taken from X-Forwarded-For only
 * when the balancer sent the request (docs/deploy.md#behind-a-load-balancer). The tests reach the
 * server from 127.0.0.1, standing in for the balancer.
 */
const wrongPin = (venue: Venue, forwardedFor: string) =>
  request(venue.url)
    .post('/api/auth/judge')
    .set('X-Forwarded-For', forwardedFor)
    .send({ stageCode: 'NOPE-0000', pin: '1234' });

/** Wrong PINs from one X-Forwarded-For until one is refused with 429; how many were answered 401 before. */
async function answeredBeforeRefused(venue: Venue, forwardedFor: string, cap = 50) {
  let limit = 0;
  for (let answered = 0; answered < cap; answered++) {
    const response = await wrongPin(venue, forwardedFor);
    if (response.status === 429) return { answered, limit };
    expect(response.status).toBe(401);
    limit = Number(response.headers['x-ratelimit-limit']);
  }
  throw new Error(`no 429 after ${cap} attempts from ${forwardedFor}`);
}

describe('TRUST_PROXY names the balancer', () => {
  let venue: Venue;
  beforeAll(async () => {
    venue = await startVenue({ env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => venue.stop());

  it('gives two clients behind it a budget each', async () => {
    const first = await answeredBeforeRefused(venue, '192.0.2.10');
    expect(first.limit).toBeGreaterThan(0);
    expect(first.answered).toBe(first.limit);
    // A judge at another tablet is not refused because the first one used up its attempts.
    const second = await answeredBeforeRefused(venue, '192.0.2.11');
    expect(second.answered).toBe(first.limit);
    expect((await wrongPin(venue, '192.0.2.10')).status).toBe(429);
  });
});

describe.each([
  ['without TRUST_PROXY (one venue laptop)', {}],
  ['with TRUST_PROXY naming another address than the sender', { TRUST_PROXY: '10.9.9.9' }],
])('%s', (_name, env: Record<string, string>) => {
  let venue: Venue;
  beforeAll(async () => {
    venue = await startVenue({ env });
  });
  afterAll(() => venue.stop());

  it('ignores X-Forwarded-For: a forged address per attempt does not escape the limit', async () => {
    let answered = 0;
    let limit = 0;
    for (let i = 0; i < 50; i++) {
      const response = await wrongPin(venue, `198.51.100.${i + 1}`);
      if (response.status === 429) break;
      expect(response.status).toBe(401);
      limit = Number(response.headers['x-ratelimit-limit']);
      answered++;
    }
    expect(limit).toBeGreaterThan(0);
    expect(answered).toBe(limit);
  });
});
