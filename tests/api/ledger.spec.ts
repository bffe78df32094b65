import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken, type StageFixture } from '../support/venue-api';

describe('the score ledger', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judge: string;
  let headJudge: string;

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 4 });
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
  });
  afterAll(() => venue.stop());

  const send = (token: string, entry: object) =>
    request(venue.url).post('/api/ledger').set('Authorization', `Bearer ${token}`).send(entry);
  const ledger = async () =>
    (await request(venue.url).get(`/api/categories/${stage.categoryId}/ledger`).set('Authorization', `Bearer ${organiser}`).expect(200))
      .body as { id: string; seq: number; supersedes: string | null; reason: string | null; authorId: string }[];
  const standings = async () =>
    (await request(venue.url).get(`/api/categories/${stage.categoryId}/standings`).set('Authorization', `Bearer ${organiser}`).expect(200))
      .body;

  it('starts with every team listed as not scored, never as zero', async () => {
    const snapshot = await standings();
    expect(snapshot.standings.rows).toHaveLength(4);
    for (const row of snapshot.standings.rows) {
      expect(row).toMatchObject({ status: 'not-scored', place: null, primary: null });
    }
  });

  it('stores the same UUID once: 201, then 200 with duplicate=true', async () => {
    const entry = mazeAttempt(stage, stage.teamIds[0], 1, 62_350);
    const first = await send(judge, entry).expect(201);
    expect(first.body.duplicate).toBe(false);
    const again = await send(judge, entry).expect(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.entry.seq).toBe(first.body.entry.seq);
    expect((await ledger()).filter((row) => row.id === entry.id)).toHaveLength(1);
  });

  it('refuses a reused UUID with different content (409) and keeps the first', async () => {
    const entry = mazeAttempt(stage, stage.teamIds[1], 1, 70_000);
    await send(judge, entry).expect(201);
    const altered = { ...entry, payload: { ...entry.payload, timeMs: 10_000 } };
    expect((await send(judge, altered).expect(409)).body.key).toBe('ledger.idReused');
    const row = (await standings()).standings.rows.find((r: { teamId: string }) => r.teamId === stage.teamIds[1]);
    expect(row.primary).toBe(70_000);
  });

  it('ranks by the rules: the faster finished team is first', async () => {
    await send(judge, mazeAttempt(stage, stage.teamIds[2], 1, 55_000)).expect(201);
    const rows = (await standings()).standings.rows as { teamId: string; place: number | null }[];
    expect(rows.slice(0, 3).map((r) => [r.teamId, r.place])).toEqual([
      [stage.teamIds[2], 1],
      [stage.teamIds[0], 2],
      [stage.teamIds[1], 3],
    ]);
  });

  it('a correction is a new entry with a reason; the original stays in the ledger', async () => {
    const [original] = await ledger(); // team 0, attempt 1, 62.35 s, by the judge
    const noReason = { ...mazeAttempt(stage, stage.teamIds[0], 1, 80_000), supersedes: original.id };
    expect((await send(headJudge, noReason).expect(400)).body.message).toContain('reason');

    const correction = { ...noReason, reason: 'Stopwatch started late; video review' };
    await send(headJudge, correction).expect(201);
    const rows = await ledger();
    expect(rows.find((row) => row.id === original.id)).toBeDefined();
    expect(rows.find((row) => row.id === correction.id)).toMatchObject({ supersedes: original.id, reason: correction.reason });
    const teamRow = (await standings()).standings.rows.find((r: { teamId: string }) => r.teamId === stage.teamIds[0]);
    expect(teamRow.primary).toBe(80_000);
  });

  it("refuses a correction that names another team's or another attempt's entry (400) and changes nothing", async () => {
    const rows = await ledger();
    const ofTeam2 = rows.find((row) => (row as { teamId?: string }).teamId === stage.teamIds[2]) as { id: string };
    const before = (await standings()).standings.rows;
    const otherTeam = {
      ...mazeAttempt(stage, stage.teamIds[3], 1, 20_000),
      supersedes: ofTeam2.id,
      reason: 'Wrong entry named',
    };
    const refused = (await send(headJudge, otherTeam).expect(400)).body;
    expect(refused.issues).toEqual([expect.objectContaining({ path: 'teamId', key: 'scoring.ledger.correctionOtherObject' })]);
    const otherAttempt = {
      ...mazeAttempt(stage, stage.teamIds[2], 2, 20_000),
      supersedes: ofTeam2.id,
      reason: 'Wrong attempt named',
    };
    const refusedAttempt = (await send(headJudge, otherAttempt).expect(400)).body;
    expect(refusedAttempt.issues).toEqual([expect.objectContaining({ path: 'payload.attempt' })]);
    expect((await ledger()).map((row) => row.id)).toEqual(rows.map((row) => row.id));
    expect((await standings()).standings.rows).toEqual(before);
  });

  it("does not let a judge correct another judge's entry", async () => {
    const byHead = mazeAttempt(stage, stage.teamIds[3], 1, 90_000);
    await send(headJudge, byHead).expect(201);
    const attempt = { ...mazeAttempt(stage, stage.teamIds[3], 1, 85_000), supersedes: byHead.id, reason: 'mine now' };
    expect((await send(judge, attempt).expect(403)).body.key).toBe('ledger.correctOthers');
  });

  it("keeps the head judge's correction when a judge's late entry would replace the same original, until the head judge accepts it", async () => {
    const own = mazeAttempt(stage, stage.teamIds[1], 2, 70_000);
    await send(judge, own).expect(201);
    const byHead = { ...mazeAttempt(stage, stage.teamIds[1], 2, 70_000, { touches: 2 }), supersedes: own.id, reason: 'two touches on the video' };
    await send(headJudge, byHead).expect(201);
    // The field judge's tablet, offline meanwhile, confirms the original as it saw it.
    const late = { ...mazeAttempt(stage, stage.teamIds[1], 2, 70_000), supersedes: own.id, reason: 'confirmed' };
    expect((await send(judge, late).expect(409)).body.key).toBe('ledger.alreadyCorrected');
    expect((await ledger()).some((row) => row.id === late.id)).toBe(false);

    // Handed to the review queue, the head judge may still let it count.
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const held = (
      await request(venue.url)
        .post('/api/held-entries')
        .set(auth(judge))
        .send({ entry: late, refusal: { key: 'ledger.alreadyCorrected', message: 'corrected meanwhile' } })
        .expect(201)
    ).body as { id: string };
    await request(venue.url).post(`/api/held-entries/${held.id}/resolve`).set(auth(headJudge)).send({ action: 'accept', reason: 'the judge saw no touch' }).expect(200);
    expect((await ledger()).find((row) => row.id === late.id)).toMatchObject({ supersedes: own.id });
  });

  it('the live projection equals a replay of the ledger', async () => {
    const verify = await request(venue.url)
      .get(`/api/categories/${stage.categoryId}/standings/verify`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);
    expect(verify.body.rebuilt.rows.length).toBe(4);
    expect(verify.body.live).toEqual(verify.body.rebuilt);
    expect(verify.body.matches).toBe(true);
  });

  it('a locked category refuses entries until unlocked', async () => {
    await request(venue.url).post(`/api/categories/${stage.categoryId}/lock`).set('Authorization', `Bearer ${headJudge}`).expect(200);
    const refused = await send(judge, mazeAttempt(stage, stage.teamIds[3], 2, 99_000)).expect(409);
    expect(refused.body.key).toBe('ledger.categoryLocked');
    await request(venue.url).post(`/api/categories/${stage.categoryId}/unlock`).set('Authorization', `Bearer ${headJudge}`).expect(200);
    await send(judge, mazeAttempt(stage, stage.teamIds[3], 2, 99_000)).expect(201);
  });
});

describe('a server restart', () => {
  it('keeps every accepted entry and the same standings', async () => {
    let venue = await startVenue();
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: 3 });
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    const sent = [
      mazeAttempt(stage, stage.teamIds[0], 1, 61_000),
      mazeAttempt(stage, stage.teamIds[1], 1, 59_000),
      mazeAttempt(stage, stage.teamIds[2], 1, null),
      mazeAttempt(stage, stage.teamIds[0], 2, 58_000),
    ];
    for (const entry of sent) {
      await request(venue.url).post('/api/ledger').set('Authorization', `Bearer ${judge}`).send(entry).expect(201);
    }
    const read = async (v: Venue, path: string) =>
      (await request(v.url).get(path).set('Authorization', `Bearer ${await organiserToken(v)}`).expect(200)).body;
    const standingsBefore = await read(venue, `/api/categories/${stage.categoryId}/standings`);

    await venue.stop();
    venue = await startVenue({ dataDir: venue.dataDir });
    try {
      const ids = (await read(venue, `/api/categories/${stage.categoryId}/ledger`)).map((row: { id: string }) => row.id);
      expect(ids).toEqual(sent.map((entry) => entry.id));
      const standingsAfter = await read(venue, `/api/categories/${stage.categoryId}/standings`);
      expect(standingsAfter).toEqual(standingsBefore);
      // The judge's token survives the restart too (the signing secret is kept in the database).
      const resend = await request(venue.url).post('/api/ledger').set('Authorization', `Bearer ${judge}`).send(sent[0]).expect(200);
      expect(resend.body.duplicate).toBe(true);
    } finally {
      await venue.stop();
    }
  });
});
