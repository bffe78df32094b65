import type {
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
  StandingsDelta,
} from '@olympiad/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  publishLive,
  type StageFixture,
} from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

// docs/performance.md#memory-per-viewer: joins of one category share an answer encoded once per
// standings version. Joins keep arriving while a judge records results, so answers are kept and
// replaced as versions move; every viewer must still get every version after its snapshot's (one
// delta each, or merged ones spanning them) and end on the standings the server stores.
const WAVE = 20;
const ENTRIES = 8;

describe('a join storm while results come in', () => {
  let venue: Venue;
  let stage: StageFixture;
  let judge: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    venue = await startVenue();
    const organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: ENTRIES + 2 });
    await publishLive(venue, organiser, stage);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await venue.stop();
  });

  async function viewer() {
    const client: Client = io(venue.url, { transports: ['websocket'], reconnection: false });
    clients.push(client);
    const deltas: StandingsDelta[] = [];
    client.on('standings:delta', (delta) => deltas.push(delta));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('connect_error', reject);
    });
    const joined = await new Promise<JoinResult>((resolve) =>
      client.emit('join', { kind: 'category', id: stage.categoryId }, resolve),
    );
    if (!joined.ok || !joined.standings) throw new Error(`join refused: ${JSON.stringify(joined)}`);
    return { snapshot: joined.standings, deltas, client };
  }

  /** Applies a viewer's deltas on its snapshot as the apps do: the version it ends on, or the gap it met. */
  function replay(snapshotVersion: number, deltas: StandingsDelta[]): number {
    let version = snapshotVersion;
    for (const delta of deltas) {
      if (delta.version <= version) continue;
      const from = delta.from ?? delta.version - 1;
      if (from > version) throw new Error(`gap: at version ${version}, a delta from ${from}`);
      version = delta.version;
    }
    return version;
  }

  it('gives every viewer, whenever it joined, every version after its snapshot, and the stored standings at the end', async () => {
    const joinWave = () => Promise.all(Array.from({ length: WAVE }, () => viewer()));
    const before = await joinWave();
    const during = [];
    for (let i = 0; i < ENTRIES; i++) {
      const [, wave] = await Promise.all([
        request(venue.url)
          .post('/api/ledger')
          .set('Authorization', `Bearer ${judge}`)
          .send(mazeAttempt(stage, stage.teamIds[i], 1, 50_000 - i * 1_000))
          .expect(201),
        joinWave(),
      ]);
      during.push(...wave);
    }
    const after = await joinWave();
    const viewers = [...before, ...during, ...after];

    const stored = (
      await request(venue.url)
        .get(`/api/public/categories/${stage.categoryId}/standings`)
        .expect(200)
    ).body as { version: number; standings: { rows: unknown[] } };
    // Answers kept for a version were replaced as the results came in.
    expect(after[0].snapshot.version).toBe(stored.version);
    expect(before[0].snapshot.version).toBeLessThan(stored.version);
    // Every viewer reaches the stored version through its deltas, whatever the machine's pace.
    await Promise.all(
      viewers.map(
        ({ snapshot, deltas, client }) =>
          new Promise<void>((resolve, reject) => {
            const check = () => {
              try {
                if (replay(snapshot.version, deltas) === stored.version) resolve();
              } catch (gap) {
                reject(gap);
              }
            };
            client.on('standings:delta', check);
            check();
          }),
      ),
    );
    for (const { snapshot } of after)
      expect(snapshot.standings.rows).toEqual(stored.standings.rows);
  });
});
