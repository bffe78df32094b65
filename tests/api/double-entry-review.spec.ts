import type { HeldEntry, RingNextMatch, StandingsSnapshot } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { onEachDatabase } from '../support/audit-record';
import { createRegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/**
 * Double entry (docs/rules.md#double-entry) where it meets the rest of the venue: an entry the head
 * judge accepts from the review queue is still one judge's blind entry (paired, never counted
 * alone), and a sumo ring does not offer a judge the match they have already entered.
 */
onEachDatabase('double entry with the review queue and the ring on %s', (_database, venueEnv) => {
  let venue: Venue;
  let organiser: string;

  const as = (token: string) => ({
    get: (path: string) => request(venue.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      request(venue.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const mazeCounted = async (stage: StageFixture, teamId: string) =>
    (
      (await as(organiser).get(`/api/categories/${stage.categoryId}/ledger`).expect(200)).body as {
        kind: string;
        teamId: string;
      }[]
    ).filter((entry) => entry.kind === 'maze.attempt' && entry.teamId === teamId);
  const rowOf = async (stage: StageFixture, teamId: string) =>
    (
      (await as(organiser).get(`/api/categories/${stage.categoryId}/standings`).expect(200))
        .body as StandingsSnapshot
    ).standings.rows.find((row) => row.teamId === teamId);

  beforeAll(async () => {
    venue = await startVenue({ env: await venueEnv() });
    organiser = await organiserToken(venue);
  });
  afterAll(async () => {
    await venue?.stop();
  });

  describe('an entry accepted from the review queue', () => {
    let stage: StageFixture;
    let judgeA: string;
    let judgeB: string;
    let headJudge: string;
    const hold = (
      token: string,
      entry: object,
      refusal = {
        key: 'ledger.categoryLocked',
        message: 'This category is locked; the head judge must unlock it first',
      },
    ) =>
      as(token).post('/api/held-entries', {
        entry,
        refusal: { key: refusal.key, message: refusal.message },
      });

    beforeAll(async () => {
      stage = await createMazeStage(venue, organiser, { teams: 4, code: 'DREV01' });
      await request(venue.url)
        .patch(`/api/categories/${stage.categoryId}/params`)
        .set('Authorization', `Bearer ${organiser}`)
        .send({ params: { entry: 'double' } })
        .expect(200);
      const second = (
        await as(organiser)
          .post('/api/judges', {
            stageId: stage.stageId,
            name: 'Берік',
            role: 'judge',
            categoryIds: [stage.categoryId],
          })
          .expect(201)
      ).body;
      judgeA = await judgeToken(venue, stage.stageCode, stage.judge.pin);
      judgeB = await judgeToken(venue, stage.stageCode, second.pin);
      headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    });

    it('is paired like any blind entry: it awaits the second judge, then the pair counts once', async () => {
      const [team] = stage.teamIds;
      await as(headJudge).post(`/api/categories/${stage.categoryId}/lock`, {}).expect(200);
      const offline = mazeAttempt(stage, team, 1, 61_000);
      expect((await as(judgeA).post('/api/ledger', offline).expect(409)).body.key).toBe(
        'ledger.categoryLocked',
      );
      await hold(judgeA, offline).expect(201);
      await as(headJudge).post(`/api/categories/${stage.categoryId}/unlock`, {}).expect(200);
      await as(headJudge)
        .post(`/api/held-entries/${offline.id}/resolve`, {
          action: 'accept',
          reason: 'Разблокировано',
        })
        .expect(200);

      // One judge's entry: nothing counts yet.
      expect(await mazeCounted(stage, team)).toHaveLength(0);
      expect(await rowOf(stage, team)).toMatchObject({
        status: 'not-scored',
        review: 'awaiting-second',
      });
      // The same judge cannot be the second entry; the other judge's agreeing entry counts once.
      await as(judgeA)
        .post('/api/ledger', mazeAttempt(stage, team, 1, 61_000))
        .expect(409);
      await as(judgeB)
        .post('/api/ledger', mazeAttempt(stage, team, 1, 61_000))
        .expect(201);
      expect(await mazeCounted(stage, team)).toHaveLength(1);
      expect(await rowOf(stage, team)).toMatchObject({ status: 'ranked', primary: 61_000 });
      expect((await rowOf(stage, team))?.review).toBeUndefined();
    });

    it('is refused, and stays open, when the attempt already has its two entries', async () => {
      const team = stage.teamIds[1];
      const other = (
        await as(organiser)
          .post('/api/judges', {
            stageId: stage.stageId,
            name: 'Дана',
            role: 'judge',
            categoryIds: [stage.categoryId],
          })
          .expect(201)
      ).body;
      const judgeC = await judgeToken(venue, stage.stageCode, other.pin);
      await as(judgeA)
        .post('/api/ledger', mazeAttempt(stage, team, 1, 70_000))
        .expect(201);
      await as(judgeC)
        .post('/api/ledger', mazeAttempt(stage, team, 1, 70_000))
        .expect(201);
      expect(await rowOf(stage, team)).toMatchObject({ status: 'ranked', primary: 70_000 });
      // A third judge's entry of the same attempt: refused, and handed to the head judge.
      const third = mazeAttempt(stage, team, 1, 75_000);
      const refused = await as(judgeB).post('/api/ledger', third).expect(409);
      expect(refused.body.key).toBe('ledger.doubleEntryComplete');
      await hold(judgeB, third, refused.body).expect(201);

      const accepted = await as(headJudge)
        .post(`/api/held-entries/${third.id}/resolve`, { action: 'accept', reason: 'Проверено' })
        .expect(409);
      expect(accepted.body.key).toBe('ledger.doubleEntryComplete');
      expect(await mazeCounted(stage, team)).toHaveLength(1);
      expect(await rowOf(stage, team)).toMatchObject({ status: 'ranked', primary: 70_000 });
      const open = (
        await as(headJudge).get(`/api/stages/${stage.stageId}/held-entries`).expect(200)
      ).body as HeldEntry[];
      expect(open.map((held) => held.id)).toContain(third.id);
    });

    it('a double-checked result is not voided by the judge whose entry completed it: only the head judge changes it', async () => {
      const team = stage.teamIds[3];
      await as(judgeA)
        .post('/api/ledger', mazeAttempt(stage, team, 1, 44_000))
        .expect(201);
      const completed = await as(judgeB)
        .post('/api/ledger', mazeAttempt(stage, team, 1, 44_000))
        .expect(201);
      const agreed = completed.body.entry as { id: string };
      const voidOf = () => ({
        ...mazeAttempt(stage, team, 1, 0),
        kind: 'void',
        payload: {},
        supersedes: agreed.id,
        reason: 'ошибка',
      });

      const byJudge = await as(judgeB).post('/api/ledger', voidOf()).expect(409);
      expect(byJudge.body.key).toBe('ledger.doubleEntryCorrection');
      expect(await rowOf(stage, team)).toMatchObject({ status: 'ranked', primary: 44_000 });
      await as(headJudge).post('/api/ledger', voidOf()).expect(201);
      expect(await rowOf(stage, team)).toMatchObject({ status: 'not-scored' });
    });

    it('cannot be dismissed once the tablet’s resend has reached the pairing', async () => {
      const team = stage.teamIds[2];
      await as(headJudge).post(`/api/categories/${stage.categoryId}/lock`, {}).expect(200);
      const offline = mazeAttempt(stage, team, 1, 80_000);
      await as(judgeA).post('/api/ledger', offline).expect(409);
      await hold(judgeA, offline).expect(201);
      await as(headJudge).post(`/api/categories/${stage.categoryId}/unlock`, {}).expect(200);
      await as(judgeA).post('/api/ledger', offline).expect(201);

      const dismissed = await as(headJudge)
        .post(`/api/held-entries/${offline.id}/resolve`, { action: 'dismiss', reason: 'Дубль' })
        .expect(409);
      expect(dismissed.body.key).toBe('held.alreadyRecorded');
      expect((await rowOf(stage, team))?.review).toBe('awaiting-second');
    });
  });

  describe('locking a category', () => {
    it('is refused while an attempt awaits its second entry or is in review, so none is left out of the final results', async () => {
      const stage = await createMazeStage(venue, organiser, { teams: 2, code: 'DREV02' });
      await request(venue.url)
        .patch(`/api/categories/${stage.categoryId}/params`)
        .set('Authorization', `Bearer ${organiser}`)
        .send({ params: { entry: 'double' } })
        .expect(200);
      const second = (
        await as(organiser)
          .post('/api/judges', {
            stageId: stage.stageId,
            name: 'Берік',
            role: 'judge',
            categoryIds: [stage.categoryId],
          })
          .expect(201)
      ).body;
      const judgeA = await judgeToken(venue, stage.stageCode, stage.judge.pin);
      const judgeB = await judgeToken(venue, stage.stageCode, second.pin);
      const headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
      const [team] = stage.teamIds;
      const lock = () => as(headJudge).post(`/api/categories/${stage.categoryId}/lock`, {});

      await as(judgeA)
        .post('/api/ledger', mazeAttempt(stage, team, 1, 60_000))
        .expect(201);
      expect((await lock().expect(409)).body.key).toBe('categories.doubleEntryPending');
      await as(judgeB)
        .post('/api/ledger', mazeAttempt(stage, team, 1, 61_000))
        .expect(201);
      expect(await rowOf(stage, team)).toMatchObject({ review: 'in-review' });
      expect((await lock().expect(409)).body.key).toBe('categories.doubleEntryPending');

      const [slot] = (
        await as(headJudge).get(`/api/categories/${stage.categoryId}/double-entries`).expect(200)
      ).body as { headEntryId: string }[];
      await as(headJudge)
        .post('/api/ledger', {
          ...mazeAttempt(stage, team, 1, 60_000),
          supersedes: slot.headEntryId,
          reason: 'Видео',
        })
        .expect(201);
      await lock().expect(200);
      expect(await rowOf(stage, team)).toMatchObject({ status: 'ranked', primary: 60_000 });
    });
  });

  describe('a sumo ring', () => {
    let stageId: string;
    let categoryId: string;
    let ringId: string;
    let judgeA: string;
    let judgeB: string;
    const ask = async (token: string): Promise<RingNextMatch> =>
      (await as(token).post(`/api/stages/${stageId}/fields/${ringId}/next-match`, {}).expect(201))
        .body;
    const enter = (token: string, match: NonNullable<RingNextMatch['match']>) =>
      as(token).post('/api/ledger', {
        id: randomUUID(),
        categoryId,
        teamId: null,
        kind: 'sumo.match',
        payload: {
          matchId: match.matchId,
          a: match.a.teamId,
          b: match.b.teamId,
          events: [
            { type: 'point', side: 'a' },
            { type: 'point', side: 'a' },
          ],
        },
        recordedAt: new Date().toISOString(),
      });

    beforeAll(async () => {
      const stage = await createRegionalStage(venue, organiser);
      stageId = stage.stageId;
      categoryId = stage.categories['Сумо 5–6'];
      const schoolId = (
        await as(organiser)
          .post('/api/schools', { name: 'Лицей №7', regionCode: 'aktobe' })
          .expect(201)
      ).body.id;
      for (let i = 1; i <= 4; i++) {
        await as(organiser)
          .post('/api/teams', {
            stageId,
            schoolId,
            categoryId,
            name: `Сумо команда ${i}`,
            members: [{ name: 'Ерлан', grade: 6 }],
          })
          .expect(201);
      }
      await request(venue.url)
        .patch(`/api/categories/${categoryId}/params`)
        .set('Authorization', `Bearer ${organiser}`)
        .send({ params: { entry: 'double' } })
        .expect(200);
      await as(organiser).post(`/api/categories/${categoryId}/sumo/draw`, { seed: 11 }).expect(201);
      await request(venue.url)
        .patch(`/api/stages/${stageId}`)
        .set('Authorization', `Bearer ${organiser}`)
        .send({ status: 'live' })
        .expect(200);
      ringId = (
        await as(organiser)
          .post('/api/fields', { stageId, name: 'Ринг 1', discipline: 'sumo' })
          .expect(201)
      ).body.id;
      const tokens: string[] = [];
      for (const name of ['Асқар', 'Берік']) {
        const judge = (
          await as(organiser)
            .post('/api/judges', {
              stageId,
              name,
              role: 'judge',
              categoryIds: [categoryId],
              fieldIds: [ringId],
            })
            .expect(201)
        ).body;
        tokens.push(await judgeToken(venue, stage.stageCode, judge.pin));
      }
      [judgeA, judgeB] = tokens;
    });

    it('does not offer the judge who entered a match that match again; the other judge still gets it', async () => {
      const first = (await ask(judgeA)).match;
      expect(first).not.toBeNull();
      if (!first) return;
      expect((await ask(judgeB)).match?.matchId).toBe(first.matchId);
      await enter(judgeA, first).expect(201);

      expect((await ask(judgeA)).match?.matchId).not.toBe(first.matchId);
      expect((await ask(judgeB)).match?.matchId).toBe(first.matchId);
      await enter(judgeB, first).expect(201);

      // Settled: both are called to the ring's next match.
      const next = (await ask(judgeA)).match;
      expect(next).not.toBeNull();
      expect(next?.matchId).not.toBe(first.matchId);
      expect((await ask(judgeB)).match?.matchId).toBe(next?.matchId);
    });
  });
});
