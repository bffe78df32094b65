import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

const ENTRIES = 200;
const ATTEMPTS = 3; // the maze-default rule set's attempts

// Two replicas on one PostgreSQL database: a category's writes take a database lock, not only the
// in-process queue (docs/design.md#scale-out), so neither replica projects over the other's entry.
describeOnPostgres('one category written through two replicas at once (PostgreSQL)', () => {
  let replicas: Venue[] = [];
  afterAll(() => Promise.all(replicas.map((replica) => replica.stop())));

  it('stores every entry once, and both replicas answer the same standings as a replay of the ledger', async () => {
    const env = { DATABASE_URL: await freshPostgresDatabase() };
    replicas = [await startVenue({ env })];
    replicas.push(await startVenue({ env }));
    const [a, b] = replicas;
    const organiser = await organiserToken(a);
    const stage = await createMazeStage(a, organiser, { teams: Math.ceil(ENTRIES / ATTEMPTS) });
    const judges = [
      await judgeToken(a, stage.stageCode, stage.judge.pin),
      await judgeToken(b, stage.stageCode, stage.judge.pin),
    ];

    const entries = Array.from({ length: ENTRIES }, (_, index) =>
      mazeAttempt(
        stage,
        stage.teamIds[Math.floor(index / ATTEMPTS)],
        (index % ATTEMPTS) + 1,
        index % 7 === 0 ? null : 40_000 + ((index * 7_919) % 60_000),
      ),
    );
    const answers = await Promise.all(
      entries.map((entry, index) =>
        request(replicas[index % 2].url)
          .post('/api/ledger')
          .set('Authorization', `Bearer ${judges[index % 2]}`)
          .send(entry),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(entries.map(() => 201));

    const auth = { Authorization: `Bearer ${organiser}` };
    const ledger = (
      await request(b.url).get(`/api/categories/${stage.categoryId}/ledger`).set(auth).expect(200)
    ).body as { id: string }[];
    expect(ledger.map((row) => row.id).sort()).toEqual(entries.map((entry) => entry.id).sort());

    const snapshots = [];
    for (const replica of replicas) {
      const verify = (
        await request(replica.url)
          .get(`/api/categories/${stage.categoryId}/standings/verify`)
          .set(auth)
          .expect(200)
      ).body;
      expect(verify.live).toEqual(verify.rebuilt);
      snapshots.push(
        (
          await request(replica.url)
            .get(`/api/categories/${stage.categoryId}/standings`)
            .set(auth)
            .expect(200)
        ).body,
      );
    }
    expect(snapshots[1].version).toBe(snapshots[0].version);
    expect(snapshots[1].standings).toEqual(snapshots[0].standings);
  });
});
