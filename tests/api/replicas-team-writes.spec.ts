import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/**
 * A team's creation, import or status change is committed by one replica before that replica
 * recomputes the category, and the replica may die in between. Another replica that scores the
 * category next must not trust the standings it keeps in memory: they lack the new team or status
 * (docs/deploy.md#writes-that-must-take-turns). Here the first replica's commit is written into the
 * shared database directly, as a replica killed right after it would leave it.
 */
describeOnPostgres('team writes another replica committed without recomputing (PostgreSQL)', () => {
  let replica: Venue;
  let databaseUrl: string;
  let organiser: string;
  let judge: string;
  let stage: StageFixture;

  const asOrganiser = () => ({ Authorization: `Bearer ${organiser}` });
  const score = (teamId: string, timeMs: number) =>
    request(replica.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, teamId, 1, timeMs))
      .expect(201);
  const inDatabase = async (sql: string, values: unknown[]) => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows;
    } finally {
      await client.end();
    }
  };
  const verify = async () =>
    (
      await request(replica.url)
        .get(`/api/categories/${stage.categoryId}/standings/verify`)
        .set(asOrganiser())
        .expect(200)
    ).body as {
      live: { rows: { teamId: string; [field: string]: unknown }[] };
      rebuilt: { rows: { teamId: string; [field: string]: unknown }[] };
    };

  beforeAll(async () => {
    databaseUrl = await freshPostgresDatabase();
    replica = await startVenue({ env: { DATABASE_URL: databaseUrl } });
    organiser = await organiserToken(replica);
    stage = await createMazeStage(replica, organiser, { teams: 3 });
    judge = await judgeToken(replica, stage.stageCode, stage.judge.pin);
    // Two scores: the second is applied to the standings this replica keeps in memory.
    await score(stage.teamIds[0], 50_000);
    await score(stage.teamIds[1], 60_000);
  }, 60_000);

  afterAll(() => replica?.stop());

  it('counts the first entry of a team another replica added', async () => {
    const [{ schoolId }] = await inDatabase('SELECT "schoolId" FROM team WHERE id = $1', [
      stage.teamIds[0],
    ]);
    const teamId = randomUUID();
    await inDatabase(
      `INSERT INTO team (id, "stageId", "categoryId", "schoolId", name, coach, status)
       VALUES ($1, $2, $3, $4, 'Жаңа команда', '', 'active')`,
      [teamId, stage.stageId, stage.categoryId, schoolId],
    );

    await score(teamId, 40_000);

    const { live, rebuilt } = await verify();
    expect(live).toEqual(rebuilt);
    expect(live.rows[0]).toMatchObject({ teamId });
  });

  it('ranks by a status another replica changed', async () => {
    // The fastest team so far is disqualified on the other replica, which dies before recomputing.
    const { rebuilt: before } = await verify();
    const fastest = before.rows[0].teamId;
    await inDatabase(`UPDATE team SET status = 'disqualified' WHERE id = $1`, [fastest]);

    await score(stage.teamIds[2], 70_000);

    const { live, rebuilt } = await verify();
    expect(live).toEqual(rebuilt);
    expect(live.rows[0].teamId).not.toBe(fastest);
  });
});
