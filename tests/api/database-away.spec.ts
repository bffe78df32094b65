import request from 'supertest';
import { DayPostgres } from '../soak/day-postgres';
import { describeOnPostgres } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import { liveMazeStage } from '../support/live-maze-stage';
import { mazeAttempt, type StageFixture } from '../support/venue-api';

// PostgreSQL stopped under a running server, then started again (docs/reliability.md#a-full-disk):
// a clear refusal the tablets' outbox sends again, and the same entry taken once afterwards.
describeOnPostgres('the database server away under the venue server', () => {
  let postgres: DayPostgres;
  let venue: Venue;
  let auth: { Authorization: string };
  let judge: { Authorization: string };
  let stage: StageFixture;

  beforeAll(async () => {
    postgres = await DayPostgres.start();
    venue = await startVenue({ env: { DATABASE_URL: postgres.databaseUrl } });
    ({ stage, organiser: auth, judge } = await liveMazeStage(venue, 1));
  });
  afterAll(async () => {
    await venue?.stop();
    postgres?.stop();
  });

  it('answers 503 errors.databaseUnavailable while PostgreSQL is stopped, logs a warning, and takes the entry once it is back', async () => {
    const entry = mazeAttempt(stage, stage.teamIds[0], 1, 41_000);
    postgres.stopServer();
    const refused = await request(venue.url).post('/api/ledger').set(judge).send(entry);
    expect({ status: refused.status, key: refused.body.key }).toEqual({
      status: 503,
      key: 'errors.databaseUnavailable',
    });
    expect(refused.body.message).toMatch(/database is not reachable/);

    postgres.start();
    let answer = await request(venue.url).post('/api/ledger').set(judge).send(entry);
    // The pool may hand out a connection the restart cut once more before it notices.
    for (let tries = 0; answer.status === 503 && tries < 20; tries++)
      answer = await request(venue.url).post('/api/ledger').set(judge).send(entry);
    expect(answer.status).toBe(201);
    const ledger = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/ledger`)
        .set(auth)
        .expect(200)
    ).body as Array<{ id: string }>;
    expect(ledger.filter((row) => row.id === entry.id)).toHaveLength(1);
    expect(venue.output()).not.toMatch(/ERROR \[ApiError\]/);
    expect(venue.output()).toMatch(/WARN \[ApiError\] The server's database is not reachable/);
  });
});
