import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

interface Bracket {
  tournament: { format: string; draw: { seed: number; groups: string[][]; bracket: (string | null)[] } | null; groups: { id: string; teamIds: string[] }[] };
  teams: Record<string, { name: string; school: string }>;
}

describe('sumo draw: by the rules, stored in the ledger', () => {
  let venue: Venue;
  let token: string;
  let stage: RegionalStage;
  let sumo: string;
  const schoolOf = new Map<string, string>();
  const auth = () => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
    stage = await createRegionalStage(venue, token);
    sumo = stage.categories['Сумо 3–4'];
    const post = (url: string, body: object) => request(venue.url).post(url).set(auth()).send(body).expect(201);
    for (const schoolName of ['Мектеп №1', 'Мектеп №2']) {
      const school = (await post('/api/schools', { name: schoolName, regionCode: 'aktobe' })).body;
      for (let i = 1; i <= 4; i++) {
        const team = (await post('/api/teams', { stageId: stage.stageId, schoolId: school.id, categoryId: sumo, name: `${schoolName} Қыран ${i}`, members: [{ name: `Әлихан ${i}`, grade: 4 }] })).body;
        schoolOf.set(team.id, school.id);
      }
    }
  });
  afterAll(() => venue.stop());

  it('draws groups that separate teams of one school, the same seed giving the same draw', async () => {
    const first = (await request(venue.url).post(`/api/categories/${sumo}/sumo/draw`).set(auth()).send({ seed: 42 }).expect(201)).body as Bracket;
    expect(first.tournament.format).toBe('groups-playoff');
    const groups = first.tournament.draw?.groups ?? [];
    expect(groups.flat().sort()).toEqual([...schoolOf.keys()].sort());
    for (const group of groups) {
      const perSchool = new Map<string, number>();
      for (const teamId of group) perSchool.set(schoolOf.get(teamId) ?? '', (perSchool.get(schoolOf.get(teamId) ?? '') ?? 0) + 1);
      // 8 teams of 2 schools: no group holds more of one school than half of it.
      expect(Math.max(...perSchool.values())).toBeLessThanOrEqual(Math.ceil(group.length / 2));
    }
    expect(Object.values(first.teams).map((team) => team.name)).toContain('Мектеп №1 Қыран 1');

    const again = (await request(venue.url).post(`/api/categories/${sumo}/sumo/draw`).set(auth()).send({ seed: 42 }).expect(201)).body as Bracket;
    expect(again.tournament.draw?.groups).toEqual(groups);
    const ledger = (await request(venue.url).get(`/api/categories/${sumo}/ledger`).set(auth()).expect(200)).body;
    const draws = (Array.isArray(ledger) ? ledger : ledger.entries).filter((entry: { kind: string }) => entry.kind === 'sumo.draw');
    expect(draws).toHaveLength(2);
    expect(draws[1].supersedes).toBe(draws[0].id);
    const bracket = (await request(venue.url).get(`/api/categories/${sumo}/sumo/bracket`).set(auth()).expect(200)).body as Bracket;
    expect(bracket.tournament.groups.length).toBe(groups.length);
  });

  it('refuses a draw by a judge, of a maze category and of fewer than two teams', async () => {
    const judge = (await request(venue.url).post('/api/judges').set(auth()).send({ stageId: stage.stageId, name: 'Асқар', role: 'head-judge' }).expect(201)).body;
    const judgeAuth = { Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}` };
    await request(venue.url).post(`/api/categories/${sumo}/sumo/draw`).set(judgeAuth).send({}).expect(403);
    expect((await request(venue.url).post(`/api/categories/${stage.categories['Лабиринт 3–4']}/sumo/draw`).set(auth()).send({}).expect(400)).body.key).toBe('sumoDraw.notSumo');
    expect((await request(venue.url).post(`/api/categories/${stage.categories['Сумо 5–6']}/sumo/draw`).set(auth()).send({}).expect(400)).body.key).toBe('sumoDraw.tooFewTeams');
    expect((await request(venue.url).post(`/api/categories/${sumo}/sumo/draw`).set(auth()).send({ seed: 'x' }).expect(400)).body.key).toBe('errors.validation');
  });
});
