import * as net from 'node:net';
import request from 'supertest';
import type { Venue } from '../../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken, type StageFixture } from '../../support/venue-api';

/** A port free right now, so a venue can be restarted where its screens expect it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface LeaderboardStage extends StageFixture {
  organiser: string;
  /** A second maze category, never published unless a test does it; its teams have names no other team has. */
  secret: { categoryId: string; teamIds: string[]; teamNames: string[] };
}

export const SECRET_NAMES = ['Жасырын Ұшқын', 'Құпия Һалық', 'Белгісіз Ғарыш'];

/**
 * A live regional stage: "Maze 3–4" published with five teams (Қыран 1–5), and "Maze 5–6"
 * embargoed with three teams whose names must never reach a public client before publication.
 */
export async function seedLeaderboardStage(venue: Venue): Promise<LeaderboardStage> {
  const organiser = await organiserToken(venue);
  const fixture = await createMazeStage(venue, organiser, { teams: 5 });
  const auth = { Authorization: `Bearer ${organiser}` };
  const api = (method: 'post' | 'patch', path: string, body: object = {}) =>
    request(venue.url)[method](path).set(auth).send(body);
  await api('patch', `/api/stages/${fixture.stageId}`, { status: 'live' }).expect(200);
  await api('post', `/api/categories/${fixture.categoryId}/publish`).expect(200);
  const school = (await api('post', '/api/schools', { name: 'Лицей №7', regionCode: 'aktobe' }).expect(201)).body;
  const category = (
    await api('post', '/api/categories', {
      stageId: fixture.stageId,
      discipline: 'maze',
      ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
      name: 'Maze 5–6',
      preset: 'maze-default',
    }).expect(201)
  ).body;
  const teamIds: string[] = [];
  for (const name of SECRET_NAMES) {
    const team = (
      await api('post', '/api/teams', {
        stageId: fixture.stageId,
        schoolId: school.id,
        categoryId: category.id,
        name,
        members: [{ name: 'Айгерім', grade: 6 }],
      }).expect(201)
    ).body;
    teamIds.push(team.id);
  }
  return { ...fixture, organiser, secret: { categoryId: category.id, teamIds, teamNames: SECRET_NAMES } };
}

/** A maze attempt confirmed through the API, as the judge's (or head judge's) tablet sends it. */
export async function confirmRun(
  venue: Venue,
  token: string,
  categoryId: string,
  teamId: string,
  timeMs: number,
  attempt = 1,
): Promise<void> {
  await request(venue.url)
    .post('/api/ledger')
    .set('Authorization', `Bearer ${token}`)
    .send(mazeAttempt({ categoryId }, teamId, attempt, timeMs))
    .expect(201);
}

export async function headJudgeToken(venue: Venue, stage: StageFixture): Promise<string> {
  return judgeToken(venue, stage.stageCode, stage.headJudge.pin);
}
