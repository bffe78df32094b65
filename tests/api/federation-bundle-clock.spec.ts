import request from 'supertest';
import {
  signedWithVenueKey,
  startLinkedServers,
  venueBundleContent,
  venueRowOf,
  type LinkedStage,
} from '../support/federation';
import type { Venue } from '../support/start-venue';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * docs/federation.md, "Importing a bundle file": for a file, "results as of" is the time the venue
 * made it. A venue laptop whose clock runs ahead must not put the national view's "results as of"
 * in the future, where no later batch or file could move it again.
 */
describe('a bundle file made on a venue laptop whose clock runs ahead', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;

  beforeAll(async () => {
    // Linked by a file naming an address where nothing listens: only files reach the republic.
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'unreachable',
      teams: 1,
    }));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('is taken as made no later than it arrived', async () => {
    const whole = await venueBundleContent(venue, venueToken, linked.stageId);
    const ahead = new Date(Date.now() + 2 * DAY_MS).toISOString();
    await request(republic.url)
      .post('/api/federation/bundles')
      .set('Authorization', `Bearer ${republicToken}`)
      .set('Content-Type', 'application/octet-stream')
      .send(signedWithVenueKey(venue, { ...whole, createdAt: ahead }))
      .expect(200);
    const answeredBy = new Date().toISOString();

    const row = await venueRowOf(republic, republicToken, linked.stageId);
    expect(row).toMatchObject({
      lastDataAt: expect.any(String),
      lastContactAt: expect.any(String),
    });
    expect(String(row?.lastDataAt) <= answeredBy).toBe(true);
    expect(String(row?.lastContactAt) <= answeredBy).toBe(true);
  });
});
