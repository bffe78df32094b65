import type {
  ClientToServerEvents,
  JoinResult,
  RoomBeacon,
  RoomRef,
  ServerToClientEvents,
} from '@olympiad/contracts';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import {
  describeOnPostgres,
  freshPostgresDatabase,
  testPostgresUrl,
} from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, publishLive } from '../support/venue-api';

// docs/deploy.md#silent-rooms: a stage or field room's beacon needs nothing from the database, so
// while the database is away the replica keeps telling those rooms it is there; only the category
// rooms, whose beacon is the stored version, hear nothing until it answers again.
describeOnPostgres("room beacons while the replica's database is away (PostgreSQL)", () => {
  let venue: Venue | undefined;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  let database = '';

  const allowConnections = async (allow: boolean) => {
    const admin = new Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS ${allow}`);
    if (!allow)
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [database],
      );
    await admin.end();
  };

  afterAll(async () => {
    socket?.close();
    await venue?.stop();
    if (database) await allowConnections(true).catch(() => undefined);
  });

  it("keeps the stage room's beacon going and the category's comes back with the database", async () => {
    const url = await freshPostgresDatabase();
    database = new URL(url).pathname.slice(1);
    venue = await startVenue({ env: { DATABASE_URL: url, LIVE_BEACON_MS: '200' } });
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser);
    await publishLive(venue, organiser, stage);

    const beacons: RoomBeacon[] = [];
    const waiting: (() => void)[] = [];
    socket = io(venue.url, { transports: ['websocket'] });
    socket.on('room:beacon', (beacon) => {
      beacons.push(beacon);
      waiting.splice(0).forEach((wake) => wake());
    });
    /** Resolves once `count` beacons of `kind` have come after the `from`th beacon. */
    const beaconsOf = (kind: RoomBeacon['kind'], count: number, from = beacons.length) =>
      new Promise<RoomBeacon[]>((resolve) => {
        const look = () => {
          const found = beacons.slice(from).filter((beacon) => beacon.kind === kind);
          if (found.length >= count) resolve(found);
          else waiting.push(look);
        };
        look();
      });
    const rooms: RoomRef[] = [
      { kind: 'stage', id: stage.stageId },
      { kind: 'category', id: stage.categoryId },
    ];
    for (const room of rooms) {
      const joined = await new Promise<JoinResult>((resolve) =>
        socket?.emit('join', room, resolve),
      );
      expect(joined.ok).toBe(true);
    }
    await Promise.all([beaconsOf('stage', 1), beaconsOf('category', 1)]);

    await allowConnections(false);
    // A round that read the versions before the cut may still be on its way.
    await beaconsOf('stage', 2);
    const cut = beacons.length;
    const during = await beaconsOf('stage', 3, cut);
    expect(during).toEqual(
      [0, 1, 2].map(() => ({ kind: 'stage', id: stage.stageId, everyMs: 200 })),
    );
    expect(beacons.slice(cut).filter((beacon) => beacon.kind === 'category')).toEqual([]);

    await allowConnections(true);
    const [back] = await beaconsOf('category', 1);
    expect(back).toMatchObject({ kind: 'category', id: stage.categoryId });
  });
});
