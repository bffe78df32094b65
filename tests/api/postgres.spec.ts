import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

describeOnPostgres('the venue on PostgreSQL (DATABASE_URL)', () => {
  it('records idempotently, projects the same as a replay, and keeps everything across a restart', async () => {
    const env = { DATABASE_URL: await freshPostgresDatabase() };
    let venue = await startVenue({ env });
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: 3 });
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    const entries = [
      mazeAttempt(stage, stage.teamIds[0], 1, 64_000),
      mazeAttempt(stage, stage.teamIds[1], 1, 52_500),
      mazeAttempt(stage, stage.teamIds[2], 1, null),
    ];
    for (const entry of entries) {
      await request(venue.url).post('/api/ledger').set('Authorization', `Bearer ${judge}`).send(entry).expect(201);
    }
    await request(venue.url).post('/api/ledger').set('Authorization', `Bearer ${judge}`).send(entries[0]).expect(200);

    const auth = { Authorization: `Bearer ${organiser}` };
    const verify = (await request(venue.url).get(`/api/categories/${stage.categoryId}/standings/verify`).set(auth).expect(200)).body;
    expect(verify.matches).toBe(true);
    expect(verify.live.rows.map((row: { teamId: string }) => row.teamId)).toEqual([stage.teamIds[1], stage.teamIds[0], stage.teamIds[2]]);

    await venue.stop();
    venue = await startVenue({ env, dataDir: venue.dataDir });
    try {
      const ledger = (await request(venue.url).get(`/api/categories/${stage.categoryId}/ledger`).set(auth).expect(200)).body;
      expect(ledger.map((row: { id: string }) => row.id)).toEqual(entries.map((entry) => entry.id));
      const health = (await request(venue.url).get('/api/health').expect(200)).body;
      expect(health.database).toEqual({ kind: 'postgres', ready: true });
    } finally {
      await venue.stop();
    }
  });
});
