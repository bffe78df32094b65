import request from 'supertest';
import {
  issueLinkCode,
  startLinkedServers,
  venueRowOf,
  type LinkedStage,
} from '../support/federation';
import type { Venue } from '../support/start-venue';
import { createMazeStage } from '../support/venue-api';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * docs/federation.md, "Linking": the claim spends the code at the republic, so nothing the venue
 * does afterwards may fail the link. A stage code the venue already uses is replaced by a free one
 * for the venue's copy; a venue that pastes the same code again (its answer lost) is answered again.
 */
describe('linking a stage whose code a stage of the venue already uses', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let ownStageId: string;

  beforeAll(async () => {
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
      stageCode: 'AKT-R',
    }));
    ownStageId = (await createMazeStage(venue, venueToken, { teams: 1, code: 'AKT-R' })).stageId;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('links, giving the venue’s copy a free code and leaving the venue’s own stage as it was', async () => {
    const code = await issueLinkCode(republic, republicToken, linked.stageId);
    const status = (
      await request(venue.url)
        .post('/api/federation/link')
        .set(auth(venueToken))
        .send({ code })
        .expect(201)
    ).body;
    expect(status).toMatchObject({ stageId: linked.stageId, claimed: true });

    const stages = (await request(venue.url).get('/api/stages').set(auth(venueToken)).expect(200))
      .body as {
      id: string;
      code: string;
    }[];
    expect(stages.find((stage) => stage.id === ownStageId)?.code).toBe('AKT-R');
    expect(stages.find((stage) => stage.id === linked.stageId)?.code).toMatch(
      /^AKT-R-[A-Z0-9]{2}$/,
    );

    expect(await venueRowOf(republic, republicToken, linked.stageId)).toMatchObject({
      linkState: 'linked',
      stageCode: 'AKT-R',
    });

    // Pasted again, as after a lost answer: the same venue is answered again, not refused.
    await request(venue.url)
      .post('/api/federation/link')
      .set(auth(venueToken))
      .send({ code })
      .expect(201);
  });
});
