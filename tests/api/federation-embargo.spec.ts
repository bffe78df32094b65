import type {
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
  StageSnapshot,
  StandingsSnapshot,
} from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { eventually } from '../support/field-fixture';
import {
  FAST_SYNC,
  ledgerCount,
  recordAttempt,
  startLinkedServers,
  type LinkedStage,
} from '../support/federation';
import type { Venue } from '../support/start-venue';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * docs/federation.md, "Who owns what": results the venue has not published travel to the republic
 * server too, but stay out of every public view there until the venue publishes them.
 */
describe('an unpublished category synced to the republic server', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let tablet: string;
  let linked: LinkedStage;
  let teamIds: string[];
  let viewer: Client;
  /** Everything the public viewer received, as text. */
  const frames: { event: string; text: string }[] = [];

  const joinRoom = (kind: 'stage' | 'category', id: string) =>
    new Promise<JoinResult>((resolve) => viewer.emit('join', { kind, id }, resolve));
  const score = (teamId: string, attempt: number, timeMs: number) =>
    recordAttempt(venue, tablet, linked, teamId, attempt, timeMs);
  const republicEntries = () => ledgerCount(republic, republicToken, linked.categoryId);
  /** Nothing that names the category or one of its teams. */
  const leaks = (text: string) =>
    [linked.categoryId, ...teamIds, 'Қыран'].filter((secret) => text.includes(secret));
  const publicGet = (path: string) => request(republic.url).get(path);

  beforeAll(async () => {
    const servers = await startLinkedServers({ venueEnv: FAST_SYNC, teams: 3 });
    ({ republic, venue, republicToken, venueToken, linked } = servers);
    ({ teamIds, tablet } = servers.prepared);
    await score(teamIds[0], 1, 45_000);
    await score(teamIds[1], 1, 41_000);
    await eventually(async () => expect(await republicEntries()).toBe(2), 15_000);

    viewer = io(republic.url, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      viewer.once('connect', resolve);
      viewer.once('connect_error', reject);
    });
    viewer.onAny((event: string, payload: unknown) =>
      frames.push({ event, text: JSON.stringify(payload) }),
    );
  }, 90_000);

  afterAll(async () => {
    viewer?.close();
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('is stored on the republic server but shown by no public route or room', async () => {
    const stageJoin = await joinRoom('stage', linked.stageId);
    expect(stageJoin).toMatchObject({ ok: true });
    expect(stageJoin.ok && stageJoin.stage?.categories).toEqual([]);
    expect(await joinRoom('category', linked.categoryId)).toMatchObject({
      ok: false,
      key: 'live.notPublished',
    });

    // More results arrive while the viewer watches the stage.
    await score(teamIds[2], 1, 39_000);
    await eventually(async () => expect(await republicEntries()).toBe(3), 15_000);
    await publicGet('/api/health').expect(200); // a round trip, so a stray frame would have come

    const list = await publicGet('/api/public/stages').expect(200);
    expect(list.body.map((stage: { code: string }) => stage.code)).toContain(linked.stageCode);
    const stage = await publicGet(`/api/public/stages/${linked.stageCode}`).expect(200);
    expect(stage.body.categories).toEqual([]);
    const qualifiers = await publicGet(`/api/public/stages/${linked.stageCode}/qualifiers`).expect(
      200,
    );
    const awards = await publicGet(`/api/public/stages/${linked.stageCode}/awards`).expect(200);
    for (const response of [list, stage, qualifiers, awards])
      expect(leaks(JSON.stringify(response.body))).toEqual([]);
    for (const path of ['standings', 'bracket']) {
      const refused = await publicGet(`/api/public/categories/${linked.categoryId}/${path}`);
      expect({ status: refused.status, key: refused.body.key }).toEqual({
        status: 404,
        key: 'live.notPublished',
      });
    }
    expect(frames.filter((frame) => leaks(frame.text).length > 0)).toEqual([]);
    expect(frames.filter((frame) => frame.event.startsWith('standings:'))).toEqual([]);
  });

  it('appears in the public standings and rooms once the venue publishes it', async () => {
    const published = new Promise<StageSnapshot>((resolve) =>
      viewer.on('stage:snapshot', (snapshot) => {
        if (snapshot.categories.some((category) => category.id === linked.categoryId))
          resolve(snapshot);
      }),
    );
    await request(venue.url)
      .post(`/api/categories/${linked.categoryId}/publish`)
      .set('Authorization', `Bearer ${venueToken}`)
      .expect(200);

    const standings = await eventually(
      async () =>
        (await publicGet(`/api/public/categories/${linked.categoryId}/standings`).expect(200)).body,
      15_000,
    );
    expect(
      standings.standings.rows.map((row: { teamId: string; place: number }) => [
        row.teamId,
        row.place,
      ]),
    ).toEqual([
      [teamIds[2], 1],
      [teamIds[1], 2],
      [teamIds[0], 3],
    ]);
    expect((await published).categories.map((category) => category.id)).toEqual([
      linked.categoryId,
    ]);

    const joined = await joinRoom('category', linked.categoryId);
    expect(joined.ok && joined.standings?.standings.rows).toHaveLength(3);
    // The republic sends what a batch changed as a delta or, when it rebuilt the table, a snapshot.
    const firstPlace = new Promise<StandingRow[]>((resolve) => {
      const check = (rows: StandingRow[]) => {
        if (rows.some((row) => row.teamId === teamIds[0] && row.place === 1)) resolve(rows);
      };
      viewer.on('standings:delta', (delta) => check(delta.changed));
      viewer.on('standings:snapshot', (snapshot) => check(snapshot.standings.rows));
    });
    await score(teamIds[0], 2, 35_000);
    expect((await firstPlace).find((row) => row.teamId === teamIds[0])).toMatchObject({
      place: 1,
      status: 'ranked',
    });
  });

  it('goes back under embargo when the venue withdraws the publication', async () => {
    const emptied = new Promise<StandingsSnapshot>((resolve) =>
      viewer.on('standings:snapshot', (snapshot) => {
        if (!snapshot.published) resolve(snapshot);
      }),
    );
    await request(venue.url)
      .post(`/api/categories/${linked.categoryId}/unpublish`)
      .set('Authorization', `Bearer ${venueToken}`)
      .expect(200);
    expect((await emptied).standings.rows).toEqual([]);
    await eventually(async () => {
      const refused = await publicGet(`/api/public/categories/${linked.categoryId}/standings`);
      expect(refused.status).toBe(404);
    }, 15_000);
    const stage = await publicGet(`/api/public/stages/${linked.stageCode}`).expect(200);
    expect(stage.body.categories).toEqual([]);
  });
});
