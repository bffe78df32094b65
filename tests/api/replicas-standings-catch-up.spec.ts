import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

const ENTRIES = 30;

/** A counter's value on the replica's /api/metrics (0 when it has no sample yet). */
async function counter(replica: Venue, name: string, labels = ''): Promise<number> {
  const text = (await request(replica.url).get('/api/metrics').expect(200)).text;
  const escaped = `${name}${labels}`.replace(/[{}"]/g, (char) => `\\${char}`);
  const line = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return line ? Number(line[1]) : 0;
}

// Two replicas taking turns on one category: each one's projection in memory misses the entry the
// other just stored. It reads only those entries (docs/performance.md#replicas) instead of the
// category's whole ledger on every score, and still answers the ledger's replay.
describeOnPostgres('standings in memory catch up with the other replica (PostgreSQL)', () => {
  let replicas: Venue[] = [];
  afterAll(() => Promise.all(replicas.map((replica) => replica.stop())));

  it('reads each entry the other replica stored once, not the whole ledger per score', async () => {
    const env = { DATABASE_URL: await freshPostgresDatabase() };
    replicas = [await startVenue({ env })];
    replicas.push(await startVenue({ env }));
    const [a, b] = replicas;
    const organiser = await organiserToken(a);
    const stage = await createMazeStage(a, organiser, { teams: ENTRIES });
    const judges = [
      await judgeToken(a, stage.stageCode, stage.judge.pin),
      await judgeToken(b, stage.stageCode, stage.judge.pin),
    ];

    const cacheFigures = (replica: Venue) =>
      Promise.all([
        counter(replica, 'olympiad_standings_cache_total', '{outcome="rebuilt"}'),
        counter(replica, 'olympiad_standings_cache_total', '{outcome="caught_up"}'),
        counter(replica, 'olympiad_standings_entries_read_total'),
      ]);
    const before = await Promise.all(replicas.map(cacheFigures));
    for (let index = 0; index < ENTRIES; index++) {
      await request(replicas[index % 2].url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judges[index % 2]}`)
        .send(mazeAttempt(stage, stage.teamIds[index], 1, 40_000 + ((index * 7_919) % 60_000)))
        .expect(201);
    }

    const after = await Promise.all(replicas.map(cacheFigures));

    for (const [i, replica] of replicas.entries()) {
      const [rebuilt, caughtUp, read] = after[i].map((value, k) => value - before[i][k]);
      // At most its first score builds the projection from the ledger; every later one finds
      // exactly one entry, the other replica's, missing. A replay per score reads ~ENTRIES² / 4.
      expect(rebuilt).toBeLessThanOrEqual(1);
      expect(caughtUp).toBeGreaterThanOrEqual(ENTRIES / 2 - 1);
      expect(read).toBeLessThanOrEqual(ENTRIES);
      const verify = (
        await request(replica.url)
          .get(`/api/categories/${stage.categoryId}/standings/verify`)
          .set('Authorization', `Bearer ${organiser}`)
          .expect(200)
      ).body;
      expect(verify.live).toEqual(verify.rebuilt);
      expect(verify.live.rows.filter((row: { place: unknown }) => row.place !== null)).toHaveLength(
        ENTRIES,
      );
    }
  });
});
