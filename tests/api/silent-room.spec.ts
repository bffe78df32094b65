import {
  roomBeaconSchema,
  type ClientToServerEvents,
  type JoinResult,
  type RoomBeacon,
  type RoomRef,
  type ServerToClientEvents,
  type StandingsSnapshot,
} from '@olympiad/contracts';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { RedisServer } from '../support/redis';
import { SilencingProxy } from '../support/silencing-proxy';
import { LiveClientViewer, placesOf } from '../support/standings-viewer';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  publishLive,
  type StageFixture,
} from '../support/venue-api';

// docs/deploy.md#silent-rooms: each replica tells the sockets of each live room it holds, itself,
// the room's version from the database; a client behind it resyncs, whatever the adapter delivered.

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const inOrderOnce = (versions: number[]) => [...new Set(versions)].sort((x, y) => x - y);

describe("a server's room beacons", () => {
  let venue: Venue;
  let organiser: string;
  let judge: string;
  let stage: StageFixture;
  const clients: Client[] = [];

  /** A socket in `rooms` that keeps every beacon it gets, in order. */
  const listener = async (token: string | undefined, rooms: RoomRef[]) => {
    const socket: Client = io(venue.url, {
      transports: ['websocket'],
      auth: token ? { token } : {},
    });
    clients.push(socket);
    const beacons: RoomBeacon[] = [];
    const waiting: (() => void)[] = [];
    socket.on('room:beacon', (beacon) => {
      beacons.push(beacon);
      waiting.splice(0).forEach((wake) => wake());
    });
    for (const room of rooms) {
      const joined = await new Promise<JoinResult>((resolve) => socket.emit('join', room, resolve));
      expect(joined.ok).toBe(true);
    }
    /** The first beacon from now on that matches. */
    const next = (matches: (beacon: RoomBeacon) => boolean) => {
      const from = beacons.length;
      return new Promise<RoomBeacon>((resolve) => {
        const look = () => {
          const found = beacons.slice(from).find(matches);
          if (found) resolve(found);
          else waiting.push(look);
        };
        look();
      });
    };
    return { beacons, next };
  };
  const standingsVersion = async () =>
    (
      (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/standings`)
          .set('Authorization', `Bearer ${organiser}`)
          .expect(200)
      ).body as StandingsSnapshot
    ).version;
  const record = (attempt: number, timeMs: number) =>
    request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[0], attempt, timeMs))
      .expect(201);
  const category = (): RoomRef => ({ kind: 'category', id: stage.categoryId });
  const ofCategory = (beacon: RoomBeacon) => beacon.kind === 'category';

  beforeAll(async () => {
    venue = await startVenue({ env: { LIVE_BEACON_MS: '200' } });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await publishLive(venue, organiser, stage);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await venue?.stop();
  });

  it("tells staff the category's stored version, and the new one after an entry", async () => {
    const staff = await listener(organiser, [category()]);
    const first = await staff.next(ofCategory);
    expect(roomBeaconSchema.parse(first)).toEqual({
      kind: 'category',
      id: stage.categoryId,
      version: await standingsVersion(),
      everyMs: 200,
    });

    await record(1, 52_000);
    const version = await standingsVersion();
    expect(version).toBeGreaterThan(first.version ?? Infinity);
    await staff.next((beacon) => ofCategory(beacon) && beacon.version === version);
  });

  it('tells a stage room it is there, without a version', async () => {
    const viewer = await listener(undefined, [{ kind: 'stage', id: stage.stageId }]);
    const beacon = roomBeaconSchema.parse(await viewer.next((b) => b.kind === 'stage'));
    expect(beacon).toEqual({ kind: 'stage', id: stage.stageId, everyMs: 200 });
  });

  it('tells the public the version while published, and null once the results are withdrawn', async () => {
    const viewer = await listener(undefined, [category()]);
    expect((await viewer.next(ofCategory)).version).toBe(await standingsVersion());

    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/unpublish`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);
    const withdrawn = await viewer.next((beacon) => ofCategory(beacon) && beacon.version === null);
    expect(roomBeaconSchema.parse(withdrawn).version).toBeNull();
  });
});

describeOnPostgres('silent rooms across two replicas sharing Redis (PostgreSQL)', () => {
  let redis: RedisServer;
  /** Replica B reaches Redis through it, so its adapter can be made silent. */
  let relay: SilencingProxy;
  let probe: Redis | undefined;
  let replicas: Venue[] = [];
  const viewers: LiveClientViewer[] = [];
  let stage: StageFixture;
  let organiser: string;
  let judge: string;
  /** Each entry is another team's first attempt: nothing the rules could refuse. */
  let teams = 0;

  const [a, b] = [() => replicas[0], () => replicas[1]];

  const bothSubscribed = async () => {
    probe ??= new Redis(redis.url, { maxRetriesPerRequest: null });
    const subscribers = async () =>
      Number(((await probe!.pubsub('NUMSUB', 'socket.io-request#/#')) as unknown[])[1]);
    while ((await subscribers()) < 2) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const record = async (through: Venue) => {
    teams += 1;
    await request(through.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[teams - 1], 1, 40_000 + teams * 700))
      .expect(201);
  };
  const stored = async () =>
    (
      await request(a().url)
        .get(`/api/categories/${stage.categoryId}/standings`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body as StandingsSnapshot;
  const open = async (replica: Venue) => {
    const viewer = await LiveClientViewer.open(replica.url, organiser, stage.categoryId);
    viewers.push(viewer);
    return viewer;
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
    relay = await SilencingProxy.start(redis.port);
    const env = { DATABASE_URL: await freshPostgresDatabase(), LIVE_BEACON_MS: '1000' };
    replicas = [await startVenue({ env: { ...env, REDIS_URL: redis.url } })];
    replicas.push(await startVenue({ env: { ...env, REDIS_URL: relay.url } }));
    organiser = await organiserToken(a());
    stage = await createMazeStage(a(), organiser, { teams: 8 });
    judge = await judgeToken(a(), stage.stageCode, stage.judge.pin);
  });
  afterAll(async () => {
    viewers.forEach((viewer) => viewer.close());
    probe?.disconnect();
    await relay?.close();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.close();
  });

  it('Redis restarted: viewers on both replicas resync to the database version, no delta applied twice', async () => {
    await bothSubscribed();
    const [onA, onB] = [await open(a()), await open(b())];
    await record(a());
    const before = (await stored()).version;
    await Promise.all([onA.reach(before), onB.reach(before)]);

    await redis.stop();
    await record(a()); // lost for B's viewers
    await record(b()); // lost for A's viewers
    await record(a());
    // The outage lasts long enough for each replica to drop what it could not publish: a publish
    // waits for one failed reconnect (ioredis retries after 50, 100, 150 … ms), then is dropped.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await redis.start();
    await bothSubscribed();
    const restarted = await stored();
    // No entry after the restart: nothing but the beacons can show a viewer what it missed.
    await Promise.all([onA.reach(restarted.version), onB.reach(restarted.version)]);
    expect(onA.resyncs).toBeGreaterThanOrEqual(1);
    expect(onB.resyncs).toBeGreaterThanOrEqual(1);

    await record(b());
    const final = await stored();
    await Promise.all([onA.reach(final.version), onB.reach(final.version)]);
    for (const viewer of [onA, onB]) {
      expect(viewer.applied).toEqual(inOrderOnce(viewer.applied));
      expect(viewer.applied.at(-1)).toBe(final.version);
      expect(viewer.current.version).toBe(final.version);
      expect(placesOf(viewer.current)).toEqual(placesOf(final));
    }
  }, 60_000);

  it("a viewer on replica B whose adapter went silent reaches the database's version by the beacon, without a further entry", async () => {
    await bothSubscribed();
    const viewer = await open(b());
    await record(a());
    const heard = (await stored()).version;
    await viewer.reach(heard);
    expect(viewer.applied).toContain(heard); // the adapter delivered, until now

    relay.silent = true; // B stays connected and subscribed as far as it knows; nothing arrives
    await record(a());
    await record(a());
    const final = await stored();
    await viewer.reach(final.version);

    expect(viewer.applied).not.toContain(final.version); // not a delta: the snapshot it asked for
    expect(viewer.resyncs).toBeGreaterThanOrEqual(1);
    expect(viewer.applied).toEqual(inOrderOnce(viewer.applied));
    expect(placesOf(viewer.current)).toEqual(placesOf(final));
  }, 60_000);
});
