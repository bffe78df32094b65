import type { ClientToServerEvents, JoinResult, ServerToClientEvents, StandingsDelta } from '@olympiad/contracts';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken, type StageFixture } from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('live rooms over Socket.IO', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judge: string;
  const clients: Client[] = [];

  const connect = (token?: string): Promise<Client> =>
    new Promise((resolve, reject) => {
      const client: Client = io(venue.url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false });
      clients.push(client);
      client.once('connect', () => resolve(client));
      client.once('connect_error', reject);
    });
  const join = (client: Client, categoryId: string) =>
    new Promise<JoinResult>((resolve) => client.emit('join', { kind: 'category', id: categoryId }, resolve));
  const nextDelta = (client: Client) => new Promise<StandingsDelta>((resolve) => client.once('standings:delta', resolve));

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await venue.stop();
  });

  it('gives staff a snapshot then a delta with the next version when a judge records a score', async () => {
    const staff = await connect(organiser);
    const joined = await join(staff, stage.categoryId);
    if (!joined.ok) throw new Error(joined.message);
    const version = joined.standings!.version;
    expect(joined.standings!.standings.rows).toHaveLength(3);

    const delta = nextDelta(staff);
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[1], 1, 48_120))
      .expect(201);
    const received = await delta;
    expect(received.version).toBe(version + 1);
    expect(received.changed.find((row) => row.teamId === stage.teamIds[1])).toMatchObject({ place: 1, primary: 48_120 });
  });

  it('keeps unpublished results away from public viewers, then streams them once published', async () => {
    const viewer = await connect();
    const refused = await join(viewer, stage.categoryId);
    expect(refused).toMatchObject({ ok: false, key: 'live.notPublished' });

    const frames: string[] = [];
    viewer.onAny((event, payload) => frames.push(`${event} ${JSON.stringify(payload)}`));
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[0], 1, 50_000))
      .expect(201);
    await request(venue.url).get('/api/health').expect(200); // a round trip, so any stray frame would have arrived
    expect(frames).toEqual([]);
    await request(venue.url).get(`/api/public/categories/${stage.categoryId}/standings`).expect(404);

    await request(venue.url).post(`/api/categories/${stage.categoryId}/publish`).set('Authorization', `Bearer ${organiser}`).expect(200);
    const joined = await join(viewer, stage.categoryId);
    expect(joined.ok).toBe(true);
    const delta = nextDelta(viewer);
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[2], 1, 45_000))
      .expect(201);
    expect((await delta).changed[0]).toMatchObject({ teamId: stage.teamIds[2], place: 1 });
    const publicStandings = await request(venue.url).get(`/api/public/categories/${stage.categoryId}/standings`).expect(200);
    expect(publicStandings.body.standings.rows[0].teamId).toBe(stage.teamIds[2]);
  });

  it('refuses malformed joins with a message instead of crashing', async () => {
    const viewer = await connect();
    const result = await new Promise<JoinResult>((resolve) =>
      viewer.emit('join', { kind: 'stadium', id: 'x' } as never, resolve),
    );
    expect(result).toMatchObject({ ok: false, key: 'errors.validation' });
    await request(venue.url).get('/api/health').expect(200);
  });
});
