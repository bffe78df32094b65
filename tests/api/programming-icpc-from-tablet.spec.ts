import {
  presetRuleSet,
  PROGRAMMING_TASK,
  type ProgrammingRuleSet,
  type TaskDraft,
  taskDraftPayloads,
} from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

/**
 * A programming-icpc category scored the way the judge tablet scores it: per task, solved or not,
 * the contest time and the wrong tries, sent as the programming.task entries the tablet makes
 * (taskDraftPayloads). The server takes them and ranks by tasks solved, then penalty time.
 */
describe('ICPC entries made as the tablet makes them', () => {
  let venue: Venue;
  beforeAll(async () => {
    venue = await startVenue();
  });
  afterAll(() => venue.stop());

  it('are accepted and rank by solved, then penalty', async () => {
    const organiser = await organiserToken(venue);
    const api = (path: string, body: object) =>
      request(venue.url).post(path).set('Authorization', `Bearer ${organiser}`).send(body);
    const olympiad = (
      await api('/api/olympiads', { name: 'ICPC 2026', season: '2026' }).expect(201)
    ).body;
    const stage = (
      await api('/api/stages', {
        olympiadId: olympiad.id,
        kind: 'regional',
        regionCode: 'aktobe',
        name: 'Aktobe',
        startsOn: '2026-12-05',
        endsOn: '2026-12-06',
      }).expect(201)
    ).body;
    const school = (await api('/api/schools', { name: '№21', regionCode: 'aktobe' }).expect(201))
      .body;
    const category = (
      await api('/api/categories', {
        stageId: stage.id,
        discipline: 'programming',
        ageGroup: { label: '9–11', minGrade: 9, maxGrade: 11 },
        name: 'ICPC 9–11',
        preset: 'programming-icpc',
      }).expect(201)
    ).body;
    const teams: string[] = [];
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta']) {
      const team = (
        await api('/api/teams', {
          stageId: stage.id,
          schoolId: school.id,
          categoryId: category.id,
          name,
          members: [{ name: `${name} 1`, grade: 10 }],
        }).expect(201)
      ).body;
      teams.push(team.id);
    }
    const judge = (
      await api('/api/judges', {
        stageId: stage.id,
        name: 'Judge',
        role: 'judge',
        categoryIds: [category.id],
      }).expect(201)
    ).body;
    const token = await judgeToken(venue, stage.code, judge.pin);

    const rules = presetRuleSet('programming-icpc') as ProgrammingRuleSet;
    const task = (id: string) => rules.params.tasks.find((candidate) => candidate.id === id)!;
    async function score(teamId: string, taskId: string, draft: Partial<TaskDraft>) {
      const made = taskDraftPayloads(
        rules.params,
        task(taskId),
        { points: null, groups: null, solved: null, time: '', wrongTries: null, ...draft },
        undefined,
      );
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      for (const payload of made.value) {
        await request(venue.url)
          .post('/api/ledger')
          .set('Authorization', `Bearer ${token}`)
          .send({
            id: randomUUID(),
            categoryId: category.id,
            teamId,
            kind: PROGRAMMING_TASK,
            payload,
            recordedAt: new Date().toISOString(),
          })
          .expect(201);
      }
    }

    // Alpha: 2 solved, 60 + 20 (one wrong try) + 30 = 110 min.
    await score(teams[0], 'A', { solved: true, time: '1:00:00', wrongTries: 1 });
    await score(teams[0], 'B', { solved: true, time: '30:00', wrongTries: 0 });
    // Beta: 2 solved, 20 + 40 = 60 min: first.
    await score(teams[1], 'A', { solved: true, time: '20:00', wrongTries: 0 });
    await score(teams[1], 'B', { solved: true, time: '40:00' });
    // Gamma: 1 solved in 10 min.
    await score(teams[2], 'A', { solved: true, time: '10:00', wrongTries: 0 });
    // Delta: two wrong tries, nothing solved.
    await score(teams[3], 'C', { solved: false, time: '2:15:30', wrongTries: 2 });

    const verify = (
      await request(venue.url)
        .get(`/api/categories/${category.id}/standings/verify`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body;
    expect(verify.matches).toBe(true);
    const rows = verify.live.rows as {
      teamId: string;
      place: number | null;
      display: string;
      detail: { solved: number; penaltyMs: number };
    }[];
    expect(
      rows.map((row) => [teams.indexOf(row.teamId), row.place, row.detail.solved, row.display]),
    ).toEqual([
      [1, 1, 2, '2 (60)'],
      [0, 2, 2, '2 (110)'],
      [2, 3, 1, '1 (10)'],
      [3, 4, 0, '0 (0)'],
    ]);
    expect(rows[1].detail.penaltyMs).toBe(110 * 60_000);

    // What the tablet sent before (task and points, no contest time) is still refused.
    const refused = await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${token}`)
      .send({
        id: randomUUID(),
        categoryId: category.id,
        teamId: teams[2],
        kind: PROGRAMMING_TASK,
        payload: { task: 'B', points: 100 },
        recordedAt: new Date().toISOString(),
      });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('scoring.programming.timeRequired');
  });
});
