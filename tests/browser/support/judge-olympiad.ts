import { drawSumo, presetRuleSet, type SumoRuleSet } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Venue } from '../../support/start-venue';
import { organiserToken } from '../../support/venue-api';

export interface JudgeOlympiad {
  organiser: string;
  stageId: string;
  stageCode: string;
  categories: { maze: string; sumo: string; programming: string; creative: string };
  teams: { maze: string[]; sumo: string[]; programming: string[]; creative: string[] };
  teamNames: { maze: string[]; sumo: string[]; programming: string[]; creative: string[] };
  fieldId: string;
  device: { id: string; secret: string };
  /** A sumo ring whose controller's start button drives the judge's match clock. */
  ring: { fieldId: string; device: { id: string; secret: string } };
  judge: { id: string; pin: string };
  headJudge: { id: string; pin: string };
}

type Discipline = keyof JudgeOlympiad['categories'];

const TEAM_NAMES: Record<Discipline, string[]> = {
  maze: ['Қыран', 'Тұлпар', 'Барыс', 'Сұңқар'],
  sumo: ['Алпамыс', 'Батыр', 'Жолбарыс', 'Көкжал'],
  programming: ['Кодтар', 'Алгоритм', 'Ғалым', 'Өрнек'],
  creative: ['Идея', 'Шебер', 'Құрастырушы', 'Үміт'],
};

const PRESETS: Record<Discipline, string> = {
  maze: 'maze-default',
  sumo: 'sumo-default',
  programming: 'programming-default',
  creative: 'creative-default',
};

/**
 * A live regional stage with one category of every discipline (4 teams each), a maze field with a
 * registered gate controller, a sumo ring with a start-button controller, a judge assigned to all
 * four categories, the field and the ring, a head judge, and the sumo draw recorded in the ledger
 * as the organiser's console would.
 */
export async function createJudgeOlympiad(venue: Venue): Promise<JudgeOlympiad> {
  const organiser = await organiserToken(venue);
  const api = (method: 'post' | 'patch', path: string, body: object) =>
    request(venue.url)[method](path).set('Authorization', `Bearer ${organiser}`).send(body);
  const olympiad = (await api('post', '/api/olympiads', { name: 'Олимпиада 2026', season: '2026' }).expect(201)).body;
  const stage = (
    await api('post', '/api/stages', {
      olympiadId: olympiad.id,
      kind: 'regional',
      regionCode: 'aktobe',
      name: 'Ақтөбе облыстық кезеңі',
      startsOn: '2026-12-05',
      endsOn: '2026-12-06',
    }).expect(201)
  ).body;
  await api('patch', `/api/stages/${stage.id}`, { status: 'live' }).expect(200);
  const school = (await api('post', '/api/schools', { name: '№21 мектеп-лицей', regionCode: 'aktobe' }).expect(201)).body;
  const other = (await api('post', '/api/schools', { name: '№5 гимназия', regionCode: 'aktobe' }).expect(201)).body;

  const categories = {} as JudgeOlympiad['categories'];
  const teams = { maze: [], sumo: [], programming: [], creative: [] } as JudgeOlympiad['teams'];
  const disciplineNames: Record<Discipline, string> = {
    maze: 'Лабиринт 3–4',
    sumo: 'Сумо 5–6',
    programming: 'Бағдарламалау 5–6',
    creative: 'Шығармашылық жоба 5–6',
  };
  for (const discipline of Object.keys(PRESETS) as Discipline[]) {
    const category = (
      await api('post', '/api/categories', {
        stageId: stage.id,
        discipline,
        ageGroup: discipline === 'maze' ? { label: '3–4', minGrade: 3, maxGrade: 4 } : { label: '5–6', minGrade: 5, maxGrade: 6 },
        name: disciplineNames[discipline],
        preset: PRESETS[discipline],
      }).expect(201)
    ).body;
    categories[discipline] = category.id;
    for (const [index, name] of TEAM_NAMES[discipline].entries()) {
      const team = (
        await api('post', '/api/teams', {
          stageId: stage.id,
          schoolId: index % 2 === 0 ? school.id : other.id,
          categoryId: category.id,
          name,
          members: [{ name: `Оқушы ${index + 1}`, grade: discipline === 'maze' ? 4 : 6 }],
        }).expect(201)
      ).body;
      teams[discipline].push(team.id);
    }
  }

  const field = (await api('post', '/api/fields', { stageId: stage.id, name: 'Алаң 1', discipline: 'maze' }).expect(201)).body;
  const device = (await api('post', '/api/devices', { id: 'gate-field-1', fieldId: field.id, label: 'Gate 1' }).expect(201)).body;
  const ring = (await api('post', '/api/fields', { stageId: stage.id, name: 'Ринг 1', discipline: 'sumo' }).expect(201)).body;
  const ringButton = (await api('post', '/api/devices', { id: 'ring-1-button', fieldId: ring.id, label: 'Start button' }).expect(201)).body;
  const judge = (
    await api('post', '/api/judges', {
      stageId: stage.id,
      name: 'Асқар Төрешіұлы',
      role: 'judge',
      categoryIds: Object.values(categories),
      fieldIds: [field.id, ring.id],
    }).expect(201)
  ).body;
  const headJudge = (await api('post', '/api/judges', { stageId: stage.id, name: 'Гүлнар Бас', role: 'head-judge' }).expect(201)).body;

  // The sumo draw, as the organiser's console records it: the rules' own draw, seeded.
  const sumoRules = presetRuleSet('sumo-default') as SumoRuleSet;
  const draw = drawSumo(
    sumoRules,
    teams.sumo.map((id, index) => ({ id, name: TEAM_NAMES.sumo[index], status: 'active' as const, schoolId: index % 2 === 0 ? school.id : other.id })),
    2026,
  );
  await api('post', '/api/ledger', {
    id: randomUUID(),
    categoryId: categories.sumo,
    teamId: null,
    kind: 'sumo.draw',
    payload: draw,
    recordedAt: new Date().toISOString(),
  }).expect(201);

  return {
    organiser,
    stageId: stage.id,
    stageCode: stage.code,
    categories,
    teams,
    teamNames: TEAM_NAMES,
    fieldId: field.id,
    device: { id: device.id, secret: device.secret },
    ring: { fieldId: ring.id, device: { id: ringButton.id, secret: ringButton.secret } },
    judge: { id: judge.id, pin: judge.pin },
    headJudge: { id: headJudge.id, pin: headJudge.pin },
  };
}

/** The category's ledger as the server keeps it (organiser's view). */
export async function ledgerOf(venue: Venue, token: string, categoryId: string): Promise<{ id: string; kind: string; teamId: string | null; payload: Record<string, unknown>; supersedes: string | null; reason: string | null }[]> {
  const response = await request(venue.url).get(`/api/categories/${categoryId}/ledger`).set('Authorization', `Bearer ${token}`).expect(200);
  return response.body;
}
