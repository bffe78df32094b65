import type { FieldQueue, RingNextMatch } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '../support/field-fixture';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

const MINUTE = 60_000;

interface Ring {
  id: string;
  venue: Venue;
  /** The judge who stands at the ring, signed in on its replica. */
  token: string;
}

/**
 * Two sumo rings sharing a category (docs/rules.md#schedules): each asks for its next match with
 * POST /api/stages/:id/fields/:fieldId/next-match, both at once, round after round. The choice is
 * stored under the category's lock, so on one server or two replicas of one PostgreSQL the rings
 * never hold the same match or the same team, and a team still resting is not called.
 */
function twoRings(title: string, start: () => Promise<Venue[]>) {
  describe(title, () => {
    let venues: Venue[] = [];
    let organiser: string;
    let stage: RegionalStage;
    let schoolId: string;
    const auth = () => ({ Authorization: `Bearer ${organiser}` });
    const post = (path: string, body: object = {}) =>
      request(venues[0].url).post(path).set(auth()).send(body).expect(201);

    beforeAll(async () => {
      venues = await start();
      organiser = await organiserToken(venues[0]);
      stage = await createRegionalStage(venues[0], organiser);
      schoolId = (await post('/api/schools', { name: 'Лицей №7', regionCode: 'aktobe' })).body.id;
      await request(venues[0].url)
        .patch(`/api/stages/${stage.stageId}`)
        .set(auth())
        .send({ status: 'live' })
        .expect(200);
    });
    afterAll(() => Promise.all(venues.map((venue) => venue.stop())));

    /** A sumo category with its teams drawn, and `rings` rings whose judges run it (judge i signs in on replica i). */
    const sumoOnRings = async (categoryName: string, teams: number, rings: number) => {
      const categoryId = stage.categories[categoryName];
      const grade = categoryName.endsWith('3–4') ? 4 : 6;
      for (let i = 1; i <= teams; i++) {
        await post('/api/teams', {
          stageId: stage.stageId,
          schoolId,
          categoryId,
          name: `${categoryName} команда ${i}`,
          members: [{ name: 'Ерлан', grade }],
        });
      }
      await post(`/api/categories/${categoryId}/sumo/draw`, { seed: 11 });
      const ringIds: Ring[] = [];
      for (let r = 0; r < rings; r++) {
        const ring = (
          await post('/api/fields', {
            stageId: stage.stageId,
            name: `${categoryName} ринг ${r + 1}`,
            discipline: 'sumo',
          })
        ).body;
        const judge = (
          await post('/api/judges', {
            stageId: stage.stageId,
            name: `Төреші ${categoryName} ${r + 1}`,
            role: 'judge',
            categoryIds: [categoryId],
            fieldIds: [ring.id],
          })
        ).body;
        const venue = venues[r % venues.length];
        ringIds.push({
          id: ring.id,
          venue,
          token: await judgeToken(venue, stage.stageCode, judge.pin),
        });
      }
      return { categoryId, ringIds };
    };
    const ask = async (ring: Ring): Promise<RingNextMatch> =>
      (
        await request(ring.venue.url)
          .post(`/api/stages/${stage.stageId}/fields/${ring.id}/next-match`)
          .set('Authorization', `Bearer ${ring.token}`)
          .expect(201)
      ).body;
    const finish = (
      ring: Ring,
      categoryId: string,
      match: NonNullable<RingNextMatch['match']>,
      recordedAt: Date,
    ) =>
      request(ring.venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${ring.token}`)
        .send({
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
          recordedAt: recordedAt.toISOString(),
        })
        .expect(201);
    const queues = async (): Promise<FieldQueue[]> =>
      (
        await request(venues[venues.length - 1].url)
          .get(`/api/stages/${stage.stageId}/field-queues`)
          .set(auth())
          .expect(200)
      ).body;

    it('never gives two rings asking at once the same match or the same team, round after round', async () => {
      const { categoryId, ringIds: rings } = await sumoOnRings('Сумо 5–6', 8, 2);
      const ringIds = rings.map((ring) => ring.id);

      // The console shows each ring a different next match before either has asked, and no estimate yet.
      const before = (await queues()).filter((field) => ringIds.includes(field.fieldId));
      expect(before.map((field) => field.nextMatch?.matchId).every(Boolean)).toBe(true);
      expect(before[0].nextMatch?.matchId).not.toBe(before[1].nextMatch?.matchId);
      expect(before[0].upcoming?.length).toBeGreaterThan(0);
      expect(before[0].upcoming?.every((match) => match.waitMs === null)).toBe(true);

      const played = new Set<string>();
      let rounds = 0;
      // Rests long over: the matches ended an hour ago, one a minute apart.
      let clock = Date.now() - 60 * MINUTE;
      for (let guard = 0; guard < 60; guard++) {
        const answers = await Promise.all(rings.map((ring) => ask(ring)));
        const matches = answers.map((answer) => answer.match);
        if (matches.every((match) => match === null)) break;
        const [one, two] = matches;
        if (one && two) {
          rounds += 1;
          expect(one.matchId).not.toBe(two.matchId);
          const teamsOne = [one.a.teamId, one.b.teamId];
          expect(teamsOne).not.toContain(two.a.teamId);
          expect(teamsOne).not.toContain(two.b.teamId);
        }
        // Asking again gives each ring the match it holds.
        const again = await Promise.all(rings.map((ring) => ask(ring)));
        expect(again.map((answer) => answer.match?.matchId)).toEqual(
          matches.map((match) => match?.matchId),
        );
        for (const [index, match] of matches.entries()) {
          if (!match) continue;
          expect(played.has(match.matchId)).toBe(false);
          played.add(match.matchId);
          clock += MINUTE;
          await finish(rings[index], categoryId, match, new Date(clock));
        }
      }
      expect(rounds).toBeGreaterThanOrEqual(6);

      const bracket = (
        await request(venues[0].url)
          .get(`/api/categories/${categoryId}/sumo/bracket`)
          .set(auth())
          .expect(200)
      ).body.tournament;
      const all = [
        ...bracket.groups.flatMap((group: { matches: unknown[] }) => group.matches),
        ...bracket.bracket,
      ] as { id: string; status: string }[];
      expect(
        all.filter((match) => ['ready', 'in-progress', 'awaiting-decision'].includes(match.status)),
      ).toEqual([]);
      expect(
        all
          .filter((match) => match.status === 'finished')
          .map((match) => match.id)
          .sort(),
      ).toEqual([...played].sort());
    });

    it('does not call a team still resting after its match, and says when the first one may play', async () => {
      const { categoryId, ringIds } = await sumoOnRings('Сумо 3–4', 4, 1);
      const ring = ringIds[0];
      const first = (await ask(ring)).match;
      expect(first).not.toBeNull();
      const endedAt = new Date();
      await finish(ring, categoryId, first!, endedAt);
      const rested = new Set([first!.a.teamId, first!.b.teamId]);

      const second = (await ask(ring)).match;
      expect(second).not.toBeNull();
      expect(rested.has(second!.a.teamId) || rested.has(second!.b.teamId)).toBe(false);
      const secondEnded = new Date(endedAt.getTime() + 1_000);
      await finish(ring, categoryId, second!, secondEnded);

      // Every team has just played, and each match left pairs a team of the first with one of the
      // second: nothing is called until 3 min (the default rest) after the second match.
      const third = await ask(ring);
      expect(third.match).toBeNull();
      expect(third.restingUntil).toBe(new Date(secondEnded.getTime() + 3 * MINUTE).toISOString());
      const field = (await queues()).find((one) => one.fieldId === ring.id);
      expect(field).toMatchObject({ nextMatch: null, restingUntil: third.restingUntil });
      // Two finishes give a pace: the matches still to play have estimates now.
      expect(field?.upcoming?.length).toBeGreaterThan(0);
      expect(field?.upcoming?.every((match) => typeof match.waitMs === 'number')).toBe(true);
    });

    it('tells the public a team’s turn, with no result in it, and nothing of a draft stage', async () => {
      const categoryId = stage.categories['Лабиринт 5–6'];
      const teams: string[] = [];
      for (const name of ['Арлан', 'Барыс', 'Қыран']) {
        teams.push(
          (
            await post('/api/teams', {
              stageId: stage.stageId,
              schoolId,
              categoryId,
              name,
              members: [{ name: 'Ерлан', grade: 6 }],
            })
          ).body.id,
        );
      }
      // The route shares one read of the stage's queues for a few seconds
      // (public-turn.controller.ts): what changed shows within that time.
      const turnSoon = <T>(check: () => Promise<T>) => eventually(check, 10_000);
      const turn = async (teamId: string) =>
        (
          await request(venues[0].url)
            .get(`/api/public/categories/${categoryId}/teams/${teamId}/turn`)
            .expect(200)
        ).body;
      // No table runs the category yet: no turn to tell.
      expect(await turn(teams[0])).toEqual({ state: 'unknown', waitMs: null });
      const table = (
        await post('/api/fields', {
          stageId: stage.stageId,
          name: 'Лабиринт үстелі',
          discipline: 'maze',
        })
      ).body;
      const judge = (
        await post('/api/judges', {
          stageId: stage.stageId,
          name: 'Дана',
          role: 'judge',
          categoryIds: [categoryId],
          fieldIds: [table.id],
        })
      ).body;
      const token = await judgeToken(venues[0], stage.stageCode, judge.pin);
      await turnSoon(async () =>
        expect(await turn(teams[2])).toEqual({ state: 'waiting', waitMs: null }),
      );
      const attempt = (teamId: string, at: number) =>
        request(venues[0].url)
          .post('/api/ledger')
          .set('Authorization', `Bearer ${token}`)
          .send({
            id: randomUUID(),
            categoryId,
            teamId,
            kind: 'maze.attempt',
            payload: {
              attempt: 1,
              outcome: 'finished',
              timeMs: 41_000,
              touches: 0,
              timing: 'stopwatch',
            },
            recordedAt: new Date(at).toISOString(),
          })
          .expect(201);
      const now = Date.now();
      await attempt(teams[0], now - 4 * MINUTE);
      await attempt(teams[1], now - 2 * MINUTE);
      // Two attempts two minutes apart: the third team is next, about now; the first runs again after it.
      const third = await turnSoon(async () => {
        const answer = await turn(teams[2]);
        expect(answer).toEqual({ state: 'waiting', waitMs: expect.any(Number) });
        return answer;
      });
      expect(third.waitMs).toBeLessThanOrEqual(MINUTE);
      const first = await turn(teams[0]);
      expect(first.waitMs).toBeGreaterThan(third.waitMs);
      expect(first.waitMs).toBeLessThanOrEqual(2 * MINUTE + 1_000);

      await request(venues[0].url)
        .get(`/api/public/categories/${categoryId}/teams/${randomUUID()}/turn`)
        .expect(404);
      const draft = await createRegionalStage(venues[0], organiser, { name: 'Жоба кезеңі' });
      const hidden = (
        await post('/api/teams', {
          stageId: draft.stageId,
          schoolId,
          categoryId: draft.categories['Сумо 5–6'],
          name: 'Жасырын',
          members: [{ name: 'Ерлан', grade: 6 }],
        })
      ).body;
      await request(venues[0].url)
        .get(`/api/public/categories/${draft.categories['Сумо 5–6']}/teams/${hidden.id}/turn`)
        .expect(404);
    });

    it('answers a crowd of phones asking a team’s turn at once with one read of the stage’s queues', async () => {
      const categoryId = stage.categories['Лабиринт 5–6'];
      const team = (
        await post('/api/teams', {
          stageId: stage.stageId,
          schoolId,
          categoryId,
          name: 'Сұңқар',
          members: [{ name: 'Ерлан', grade: 6 }],
        })
      ).body;
      const turnUrl = `/api/public/categories/${categoryId}/teams/${team.id}/turn`;
      const selects = async () => {
        const text = (await request(venues[0].url).get('/api/metrics').expect(200)).text;
        const line = /^olympiad_db_query_seconds_count\{statement="select"\} (\d+)/m.exec(text);
        return Number(line?.[1] ?? 0);
      };
      // What one phone costs when nobody asked just before it (the shared read has expired).
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      const beforeOne = await selects();
      await request(venues[0].url).get(turnUrl).expect(200);
      const one = (await selects()) - beforeOne;

      const PHONES = 100;
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      const beforeCrowd = await selects();
      await Promise.all(
        Array.from({ length: PHONES }, () => request(venues[0].url).get(turnUrl).expect(200)),
      );
      const crowd = (await selects()) - beforeCrowd;
      // Each phone still reads its category, stage and team; the queues are read once.
      expect(one).toBeGreaterThan(6);
      expect(crowd).toBeLessThan((PHONES * one) / 2);
    });

    it('refuses a field that is not a sumo ring of the stage', async () => {
      const maze = (
        await post('/api/fields', { stageId: stage.stageId, name: 'Кесте', discipline: 'maze' })
      ).body;
      await request(venues[0].url)
        .post(`/api/stages/${stage.stageId}/fields/${maze.id}/next-match`)
        .set(auth())
        .expect(409);
      await request(venues[0].url)
        .post(`/api/stages/${stage.stageId}/fields/${randomUUID()}/next-match`)
        .set(auth())
        .expect(404);
    });
  });
}

twoRings('two sumo rings sharing a category (SQLite)', async () => [await startVenue()]);

describeOnPostgres(
  'two sumo rings sharing a category, each ring on its own replica (PostgreSQL)',
  () => {
    twoRings('on two replicas', async () => {
      const env = { DATABASE_URL: await freshPostgresDatabase() };
      const first = await startVenue({ env });
      return [first, await startVenue({ env })];
    });
  },
);
