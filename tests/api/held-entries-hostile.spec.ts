import Database from 'better-sqlite3';
import { apiErrorBodySchema, type HeldEntry } from '@olympiad/contracts';
import * as path from 'node:path';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

const LOCKED = {
  key: 'ledger.categoryLocked',
  message: 'This category is locked; the head judge must unlock it first',
};

/**
 * The review queue takes only what the ledger itself could take (docs/judge-tablet.md: an entry is
 * held because of when it came, not because of what it is), and every entry it holds can be settled
 * by the head judge, whatever happened to its judge or its id meanwhile.
 */
describe('held entries: checked as the ledger checks them, and always settled', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let other: StageFixture;
  let judge: string;
  let headJudge: string;
  let otherJudge: string;

  const as = (token: string) => ({
    get: (url: string) => request(venue.url).get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) =>
      request(venue.url).post(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const hold = (token: string, entry: object) =>
    as(token).post('/api/held-entries', { entry, refusal: LOCKED });
  const resolve = (id: string, action: 'accept' | 'dismiss', reason: string) =>
    as(headJudge).post(`/api/held-entries/${id}/resolve`, { action, reason });
  const queue = async () =>
    (await as(organiser).get(`/api/stages/${stage.stageId}/held-entries?status=all`).expect(200))
      .body as HeldEntry[];
  const ledger = async (fixture: StageFixture) =>
    (await as(organiser).get(`/api/categories/${fixture.categoryId}/ledger`).expect(200)).body as {
      id: string;
      authorId: string;
      teamId: string;
    }[];
  const lock = (fixture: StageFixture, token: string) =>
    as(token).post(`/api/categories/${fixture.categoryId}/lock`, {}).expect(200);
  const unlock = (fixture: StageFixture, token: string) =>
    as(token).post(`/api/categories/${fixture.categoryId}/unlock`, {}).expect(200);

  /** A refusal: a 4xx with the contract's error body, and the queue as it was. */
  const expectRefused = async (response: request.Response, before: HeldEntry[]) => {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(apiErrorBodySchema.safeParse(response.body).success).toBe(true);
    expect(await queue()).toEqual(before);
    return response.body as { key: string };
  };

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 3 });
    other = await createMazeStage(venue, organiser, { teams: 1, code: 'OTHER-1' });
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    otherJudge = await judgeToken(venue, other.stageCode, other.judge.pin);
    await lock(stage, headJudge);
  });
  afterAll(() => venue?.stop());

  it('refuses a payload nested 5,000 deep with a 4xx, not a 500', async () => {
    // Written by hand: JSON.stringify itself gives up on nesting this deep.
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const entry = JSON.stringify(
      mazeAttempt(stage, stage.teamIds[0], 1, 50_000, { note: 'DEEP' }),
    ).replace('"DEEP"', deep);
    const before = await queue();
    const response = await request(venue.url)
      .post('/api/held-entries')
      .set('Authorization', `Bearer ${judge}`)
      .set('Content-Type', 'application/json')
      .send(`{"entry":${entry},"refusal":${JSON.stringify(LOCKED)}}`);
    await expectRefused(response, before);
    expect(venue.output()).not.toMatch(/RangeError|Maximum call stack/);
  });

  it('refuses a team of another stage, as the ledger does', async () => {
    const before = await queue();
    const entry = mazeAttempt(stage, other.teamIds[0], 1, 50_000);
    expect((await expectRefused(await hold(judge, entry), before)).key).toBe(
      'errors.unknownReference',
    );
  });

  it('refuses a kind the category’s rules do not know, as the ledger does', async () => {
    const before = await queue();
    const entry = { ...mazeAttempt(stage, stage.teamIds[0], 1, 50_000), kind: 'sumo.match' };
    expect((await expectRefused(await hold(judge, entry), before)).key).toBe('ledger.invalidEntry');
  });

  it('refuses a 900 KB payload the rules would never take', async () => {
    const before = await queue();
    const entry = mazeAttempt(stage, stage.teamIds[0], 1, 50_000, { note: 'ж'.repeat(450_000) });
    await expectRefused(await hold(judge, entry), before);
  });

  it('still holds an entry the ledger refused only because the category was locked', async () => {
    const entry = mazeAttempt(stage, stage.teamIds[0], 1, 50_000);
    await as(judge).post('/api/ledger', entry).expect(409);
    expect((await hold(judge, entry).expect(201)).body).toMatchObject({
      id: entry.id,
      status: 'open',
    });
  });

  it('accepts the entry of a judge who has lost the category’s assignment since, as that judge’s entry', async () => {
    const entry = mazeAttempt(stage, stage.teamIds[1], 1, 61_000);
    await hold(judge, entry).expect(201);
    // The organiser's console cannot take an assignment away; a republic server applying a regional
    // stage's data can (apply-stage-data.ts), and this is what it leaves behind.
    const db = new Database(path.join(venue.dataDir, 'olympiad.sqlite'));
    db.prepare('DELETE FROM judge_assignment WHERE "judgeId" = ?').run(stage.judge.id);
    db.close();
    await unlock(stage, headJudge);
    try {
      const accepted = await resolve(entry.id, 'accept', 'Seen on the video').expect(200);
      expect(accepted.body).toMatchObject({ id: entry.id, status: 'accepted' });
      expect((await ledger(stage)).filter((row) => row.id === entry.id)).toEqual([
        expect.objectContaining({
          id: entry.id,
          authorId: stage.judge.id,
          teamId: stage.teamIds[1],
        }),
      ]);
    } finally {
      await lock(stage, headJudge);
    }
  });

  describe('an entry whose id was used in another stage meanwhile', () => {
    /** Held here, then the same UUID recorded by a tablet of the other stage. */
    const heldWithIdTakenElsewhere = async (teamIndex: number) => {
      const entry = mazeAttempt(stage, stage.teamIds[teamIndex], 2, 70_000 + teamIndex);
      await hold(judge, entry).expect(201);
      await as(otherJudge)
        .post('/api/ledger', { ...mazeAttempt(other, other.teamIds[0], 1, 55_000), id: entry.id })
        .expect(201);
      return entry;
    };

    it('can be dismissed, and the other stage’s entry stays as it was', async () => {
      const entry = await heldWithIdTakenElsewhere(0);
      const otherLedger = await ledger(other);
      const dismissed = await resolve(entry.id, 'dismiss', 'Entered twice').expect(200);
      expect(dismissed.body).toMatchObject({ id: entry.id, status: 'dismissed' });
      expect(await ledger(other)).toEqual(otherLedger);
    });

    it('can be accepted: it counts in its own stage, and the other stage’s entry stays as it was', async () => {
      const entry = await heldWithIdTakenElsewhere(2);
      const otherLedger = await ledger(other);
      const before = (await ledger(stage)).length;
      await unlock(stage, headJudge);
      const accepted = await resolve(entry.id, 'accept', 'Seen on the video').expect(200);
      expect(accepted.body).toMatchObject({ id: entry.id, status: 'accepted' });
      const rows = await ledger(stage);
      expect(rows).toHaveLength(before + 1);
      expect(rows[rows.length - 1]).toMatchObject({
        authorId: stage.judge.id,
        teamId: stage.teamIds[2],
      });
      expect(await ledger(other)).toEqual(otherLedger);
      // Settled once: a second decision is refused.
      expect((await resolve(entry.id, 'dismiss', 'Changed my mind').expect(409)).body.key).toBe(
        'held.alreadyResolved',
      );
    });

    it('is held when the other stage had the id first, instead of "already recorded", which tells the tablet to send it to the ledger again', async () => {
      const entry = mazeAttempt(stage, stage.teamIds[0], 3, 80_000);
      await as(otherJudge)
        .post('/api/ledger', { ...mazeAttempt(other, other.teamIds[0], 2, 56_000), id: entry.id })
        .expect(201);
      // The ledger refuses the tablet (the id is another stage's), so the tablet hands the entry over.
      await as(judge).post('/api/ledger', entry).expect(403);
      expect((await hold(judge, entry).expect(201)).body).toMatchObject({
        id: entry.id,
        status: 'open',
      });
      await resolve(entry.id, 'dismiss', 'Entered on the wrong tablet').expect(200);
    });
  });
});
