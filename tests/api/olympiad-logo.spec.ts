import { io } from 'socket.io-client';
import request from 'supertest';
import type { StageSnapshot } from '@olympiad/contracts';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';

/** A real (tiny) PNG: 1×1, one red pixel. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108020000009077' +
    '53de0000000c4944415408d763f8cfc000000301010018dd8db40000000049454e44ae426082',
  'hex',
);

describe('the olympiad logo on the hall screens', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  const auth = () => ({ Authorization: `Bearer ${organiser}` });

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth())
      .send({ status: 'live' })
      .expect(200);
  });
  afterAll(() => venue.stop());

  const publicStage = async (): Promise<StageSnapshot> =>
    (await request(venue.url).get(`/api/public/stages/${stage.stageCode}`).expect(200)).body;

  it('refuses what is not an image and changes nothing', async () => {
    const refused = await request(venue.url)
      .post(`/api/olympiads/${stage.olympiadId}/logo`)
      .set(auth())
      .send({ data: Buffer.from('<html><script>alert(1)</script></html>').toString('base64') })
      .expect(400);
    expect(refused.body.key).toBe('olympiads.logoNotImage');
    expect((await publicStage()).olympiad).toEqual({ name: 'Olympiad 2026', logoUrl: null });
  });

  it('is organiser-only', async () => {
    await request(venue.url)
      .post(`/api/olympiads/${stage.olympiadId}/logo`)
      .send({ data: PNG.toString('base64') })
      .expect(401);
  });

  it('is served publicly once uploaded, named in the stage snapshot, and pushed to screens already watching', async () => {
    const screen = io(venue.url, { transports: ['websocket'], reconnection: false });
    try {
      await new Promise<void>((resolve) =>
        screen.emit('join', { kind: 'stage', id: stage.stageId }, () => resolve()),
      );
      const pushed = new Promise<StageSnapshot>((resolve) => screen.on('stage:snapshot', resolve));
      const stored = (
        await request(venue.url)
          .post(`/api/olympiads/${stage.olympiadId}/logo`)
          .set(auth())
          .send({ data: PNG.toString('base64') })
          .expect(200)
      ).body;
      expect(stored).toMatchObject({ contentType: 'image/png', bytes: PNG.length });
      expect((await pushed).olympiad?.logoUrl).toBe(stored.logoUrl);
      expect((await publicStage()).olympiad?.logoUrl).toBe(stored.logoUrl);

      const image = await request(venue.url).get(stored.logoUrl).buffer(true).expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
      const listed = (await request(venue.url).get('/api/olympiads').set(auth()).expect(200)).body;
      expect(listed.find((o: { id: string }) => o.id === stage.olympiadId)).toMatchObject({
        logoUrl: stored.logoUrl,
      });
      expect(JSON.stringify(listed)).not.toContain(PNG.toString('base64'));
    } finally {
      screen.close();
    }
  });

  it('can be removed', async () => {
    await request(venue.url)
      .delete(`/api/olympiads/${stage.olympiadId}/logo`)
      .set(auth())
      .expect(204);
    expect((await publicStage()).olympiad?.logoUrl).toBeNull();
    await request(venue.url).get(`/api/public/olympiads/${stage.olympiadId}/logo`).expect(404);
  });
});
