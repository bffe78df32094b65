import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import {
  createRegionalStageOnRepublic,
  prepareVenueStage,
  signedWithVenueKey,
  venueBundleContent,
  type LinkedStage,
} from '../support/federation';
import { startVenue, type Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';

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
    [republic, venue] = await Promise.all([startVenue(), startVenue()]);
    [republicToken, venueToken] = await Promise.all([
      organiserToken(republic),
      organiserToken(venue),
    ]);
    linked = await createRegionalStageOnRepublic(republic, republicToken);
    // Linked by a file naming an address where nothing listens: only files reach the republic.
    const linkFile = await request(republic.url)
      .get(`/api/stages/${linked.stageId}/link-file`)
      .set('Host', '127.0.0.1:9')
      .set('Authorization', `Bearer ${republicToken}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    await request(venue.url)
      .post('/api/federation/link')
      .set('Authorization', `Bearer ${venueToken}`)
      .send({ code: linkFile.body.toString('utf8') })
      .expect(201);
    await prepareVenueStage(venue, venueToken, linked, 1);
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

    const venues = (
      await request(republic.url)
        .get('/api/federation/venues')
        .set('Authorization', `Bearer ${republicToken}`)
        .expect(200)
    ).body as { stageId: string; lastDataAt: string | null; lastContactAt: string | null }[];
    const row = venues.find((candidate) => candidate.stageId === linked.stageId);
    expect(row).toMatchObject({
      lastDataAt: expect.any(String),
      lastContactAt: expect.any(String),
    });
    expect((row?.lastDataAt ?? '') <= answeredBy).toBe(true);
    expect((row?.lastContactAt ?? '') <= answeredBy).toBe(true);
  });
});
