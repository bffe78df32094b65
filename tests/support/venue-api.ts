import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TEST_ADMIN, type Venue } from './start-venue';

/** Signs in as the organiser the test venue was started with; returns the bearer token. */
export async function organiserToken(venue: Venue): Promise<string> {
  const response = await request(venue.url).post('/api/auth/organiser').send(TEST_ADMIN).expect(200);
  return response.body.token as string;
}

export interface StageFixture {
  olympiadId: string;
  stageId: string;
  stageCode: string;
  categoryId: string;
  teamIds: string[];
  judge: { id: string; pin: string };
  headJudge: { id: string; pin: string };
}

/** Creates, through the REST API, an olympiad with one regional stage, a maze category 3–4, teams and judges. */
export async function createMazeStage(venue: Venue, token: string, options: { teams?: number; code?: string } = {}) {
  const api = (method: 'post' | 'patch', path: string, body: object) =>
    request(venue.url)[method](path).set('Authorization', `Bearer ${token}`).send(body);
  const olympiad = (await api('post', '/api/olympiads', { name: 'Olympiad 2026', season: '2026' }).expect(201)).body;
  const stage = (
    await api('post', '/api/stages', {
      olympiadId: olympiad.id,
      kind: 'regional',
      regionCode: 'aktobe',
      name: 'Aktobe regional stage',
      startsOn: '2026-12-05',
      endsOn: '2026-12-06',
      ...(options.code ? { code: options.code } : {}),
    }).expect(201)
  ).body;
  const school = (await api('post', '/api/schools', { name: 'Школа №21', regionCode: 'aktobe' }).expect(201)).body;
  const category = (
    await api('post', '/api/categories', {
      stageId: stage.id,
      discipline: 'maze',
      ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
      name: 'Maze 3–4',
      preset: 'maze-default',
    }).expect(201)
  ).body;
  const teamIds: string[] = [];
  for (let i = 0; i < (options.teams ?? 3); i++) {
    const team = (
      await api('post', '/api/teams', {
        stageId: stage.id,
        schoolId: school.id,
        categoryId: category.id,
        name: `Қыран ${i + 1}`,
        members: [{ name: `Әлихан ${i}`, grade: 4 }],
      }).expect(201)
    ).body;
    teamIds.push(team.id);
  }
  const judge = (
    await api('post', '/api/judges', { stageId: stage.id, name: 'Асқар', role: 'judge', categoryIds: [category.id] }).expect(201)
  ).body;
  const headJudge = (await api('post', '/api/judges', { stageId: stage.id, name: 'Гүлнар', role: 'head-judge' }).expect(201)).body;
  return {
    olympiadId: olympiad.id,
    stageId: stage.id,
    stageCode: stage.code,
    categoryId: category.id,
    teamIds,
    judge: { id: judge.id, pin: judge.pin },
    headJudge: { id: headJudge.id, pin: headJudge.pin },
  } satisfies StageFixture;
}

/** The stage goes live and its maze category is published, so the public screens show it. */
export async function publishLive(venue: Venue, token: string, stage: Pick<StageFixture, 'stageId' | 'categoryId'>): Promise<void> {
  const auth = { Authorization: `Bearer ${token}` };
  await request(venue.url).patch(`/api/stages/${stage.stageId}`).set(auth).send({ status: 'live' }).expect(200);
  await request(venue.url).post(`/api/categories/${stage.categoryId}/publish`).set(auth).expect(200);
}

export async function judgeToken(venue: Venue, stageCode: string, pin: string): Promise<string> {
  const response = await request(venue.url).post('/api/auth/judge').send({ stageCode, pin }).expect(200);
  return response.body.token as string;
}

/** A maze attempt entry as a judge's tablet sends it. */
export function mazeAttempt(
  fixture: Pick<StageFixture, 'categoryId'>,
  teamId: string,
  attempt: number,
  timeMs: number | null,
  extra: Record<string, unknown> = {},
) {
  return {
    id: randomUUID(),
    categoryId: fixture.categoryId,
    teamId,
    kind: 'maze.attempt',
    payload: {
      attempt,
      outcome: timeMs === null ? 'not-finished' : 'finished',
      timeMs,
      touches: 0,
      checkpoints: [],
      lastCheckpointMs: null,
      endedBy: timeMs === null ? 'stall' : null,
      timing: 'stopwatch',
      ...extra,
    },
    recordedAt: new Date().toISOString(),
  };
}

/** Turns double entry on for the fixture's category (docs/rules.md#double-entry) and adds its second judge; both judges' tokens. */
export async function withDoubleEntry(venue: Venue, token: string, stage: StageFixture): Promise<{ judgeA: string; judgeB: string }> {
  const auth = { Authorization: `Bearer ${token}` };
  await request(venue.url).patch(`/api/categories/${stage.categoryId}/params`).set(auth).send({ params: { entry: 'double' } }).expect(200);
  const second = (await request(venue.url).post('/api/judges').set(auth).send({ stageId: stage.stageId, name: 'Берік', role: 'judge', categoryIds: [stage.categoryId] }).expect(201)).body;
  return {
    judgeA: await judgeToken(venue, stage.stageCode, stage.judge.pin),
    judgeB: await judgeToken(venue, stage.stageCode, second.pin),
  };
}
