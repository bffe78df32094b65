import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

interface Decision {
  teamId: string;
  team: string;
  qualified: boolean;
  reason: string;
  message: string;
}

describe('qualification from a closed regional stage into the republic stage', () => {
  let venue: Venue;
  let token: string;
  let stage: RegionalStage;
  let republicId: string;
  let maze: string;
  const teams: Record<string, string> = {};
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const post = (url: string, body: object) => request(venue.url).post(url).set(auth()).send(body);

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
    stage = await createRegionalStage(venue, token);
    maze = stage.categories['Лабиринт 3–4'];
    republicId = (
      await post('/api/stages', { olympiadId: stage.olympiadId, kind: 'republic', name: 'Республикалық кезең', startsOn: '2027-03-20', endsOn: '2027-03-21' }).expect(201)
    ).body.id;
    const school = (await post('/api/schools', { name: 'Ақтөбе №21 мектеп', regionCode: 'aktobe' }).expect(201)).body;
    for (const name of ['Қыран', 'Шағала', 'Барыс', 'Түлкі', 'Бүркіт']) {
      teams[name] = (await post('/api/teams', { stageId: stage.stageId, schoolId: school.id, categoryId: maze, name, members: [{ name: `${name} Әлиев`, grade: 4 }] }).expect(201)).body.id;
    }
    const judge = (await post('/api/judges', { stageId: stage.stageId, name: 'Асқар', role: 'judge', categoryIds: [maze] }).expect(201)).body;
    await request(venue.url).patch(`/api/stages/${stage.stageId}`).set(auth()).send({ status: 'live' }).expect(200);
    const judgeAuth = { Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}` };
    // Four finish; Бүркіт only fails (not finished): a threshold case.
    const results: [string, number | null][] = [['Қыран', 48_000], ['Шағала', 52_000], ['Барыс', 45_000], ['Түлкі', 60_000], ['Бүркіт', null]];
    for (const [name, time] of results) {
      await request(venue.url).post('/api/ledger').set(judgeAuth).send(mazeAttempt({ categoryId: maze }, teams[name], 1, time)).expect(201);
    }
  });
  afterAll(() => venue.stop());

  it('previews the top 3 with a reason for every team, and a wildcard with its reason', async () => {
    const answer = (await post(`/api/stages/${stage.stageId}/qualification/preview`, { wildcards: [{ categoryId: maze, teamId: teams['Түлкі'], reason: 'Ең жас команда / самая юная команда' }] }).expect(200)).body;
    const byTeam = Object.fromEntries(answer.decisions.map((decision: Decision) => [decision.team, decision]));
    expect(byTeam['Барыс']).toMatchObject({ qualified: true, reason: 'top-n' });
    expect(byTeam['Қыран']).toMatchObject({ qualified: true, reason: 'top-n' });
    expect(byTeam['Шағала']).toMatchObject({ qualified: true, reason: 'top-n' });
    expect(byTeam['Түлкі']).toMatchObject({ qualified: true, reason: 'wildcard' });
    expect(byTeam['Түлкі'].message).toContain('самая юная команда');
    expect(byTeam['Бүркіт']).toMatchObject({ qualified: false });
  });

  it('refuses to enter while the regional stage is not closed, a wildcard without a reason, and a non-republic target', async () => {
    expect((await post(`/api/stages/${stage.stageId}/qualification/enter`, { targetStageId: republicId }).expect(409)).body.key).toBe('qualification.stageNotClosed');
    expect((await post(`/api/stages/${stage.stageId}/qualification/preview`, { wildcards: [{ categoryId: maze, teamId: teams['Түлкі'], reason: '' }] }).expect(400)).body.key).toBe('errors.validation');
    await request(venue.url).patch(`/api/stages/${stage.stageId}`).set(auth()).send({ status: 'closed' }).expect(200);
    expect((await post(`/api/stages/${stage.stageId}/qualification/enter`, { targetStageId: stage.stageId }).expect(400)).body.key).toBe('qualification.notRepublic');
    expect((await request(venue.url).get(`/api/stages/${republicId}/teams`).set(auth()).expect(200)).body).toEqual([]);
  });

  it('enters the qualifiers into the republic stage in one action, once', async () => {
    const wildcards = [{ categoryId: maze, teamId: teams['Түлкі'], reason: 'Ең жас команда' }];
    const answer = (await post(`/api/stages/${stage.stageId}/qualification/enter`, { targetStageId: republicId, wildcards }).expect(200)).body;
    expect(answer.entered.map((entry: { team: string }) => entry.team).sort()).toEqual(['Барыс', 'Қыран', 'Түлкі', 'Шағала'].sort());
    expect(answer.createdCategories).toEqual(['Лабиринт 3–4']);
    const republicTeams = (await request(venue.url).get(`/api/stages/${republicId}/teams`).set(auth()).expect(200)).body;
    expect(republicTeams).toHaveLength(4);
    expect(republicTeams.find((team: { name: string }) => team.name === 'Барыс').members[0]).toMatchObject({ name: 'Барыс Әлиев', grade: 4 });
    const categories = (await request(venue.url).get(`/api/stages/${republicId}/categories`).set(auth()).expect(200)).body;
    expect(categories[0]).toMatchObject({ name: 'Лабиринт 3–4', discipline: 'maze', preset: 'maze-default', status: 'setup' });

    const again = (await post(`/api/stages/${stage.stageId}/qualification/enter`, { targetStageId: republicId, wildcards }).expect(200)).body;
    expect(again).toMatchObject({ entered: [], alreadyEntered: 4, createdCategories: [] });
    const entries = (await request(venue.url).get(`/api/stages/${republicId}/qualification/entries`).set(auth()).expect(200)).body;
    expect(entries).toHaveLength(4);
    expect(entries.find((entry: { team: string }) => entry.team === 'Түлкі')).toMatchObject({ reason: 'wildcard', fromStage: 'Ақтөбе облыстық кезеңі' });
    expect(entries.find((entry: { team: string }) => entry.team === 'Түлкі').note).toContain('Ең жас команда');
  });

  it('shows the public who qualified only once the category is published and the republic stage is not a draft', async () => {
    const publicQualifiers = async () => (await request(venue.url).get(`/api/public/stages/${stage.stageCode}/qualifiers`).expect(200)).body as { team: string }[];
    const publicCount = async () =>
      ((await request(venue.url).get('/api/public/stages').expect(200)).body as { code: string; qualifiers: number }[]).find((s) => s.code === stage.stageCode)?.qualifiers;
    // The maze results are not published and the republic stage is a draft: nothing of either leaks.
    expect(await publicQualifiers()).toEqual([]);
    expect(await publicCount()).toBe(0);
    await post(`/api/categories/${maze}/publish`, {}).expect(200);
    expect(await publicQualifiers()).toEqual([]);
    await request(venue.url).patch(`/api/stages/${republicId}`).set(auth()).send({ status: 'live' }).expect(200);
    expect((await publicQualifiers()).map((entry) => entry.team).sort()).toEqual(['Барыс', 'Қыран', 'Түлкі', 'Шағала'].sort());
    expect(await publicCount()).toBe(4);
  });
});
