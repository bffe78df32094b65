import request from 'supertest';
import type { Venue } from './start-venue';

export interface RegionalStage {
  olympiadId: string;
  stageId: string;
  stageCode: string;
  /** Category id by name: "Лабиринт 1–2", "Лабиринт 3–4", "Лабиринт 5–6", "Сумо 3–4", "Сумо 5–6". */
  categories: Record<string, string>;
}

const CATEGORIES = [
  { discipline: 'maze', preset: 'maze-default', name: 'Лабиринт 1–2', ageGroup: { label: '1–2', minGrade: 1, maxGrade: 2 } },
  { discipline: 'maze', preset: 'maze-default', name: 'Лабиринт 3–4', ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 } },
  { discipline: 'maze', preset: 'maze-default', name: 'Лабиринт 5–6', ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 } },
  { discipline: 'sumo', preset: 'sumo-default', name: 'Сумо 3–4', ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 } },
  { discipline: 'sumo', preset: 'sumo-default', name: 'Сумо 5–6', ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 } },
] as const;

/** An olympiad with an empty Aktobe regional stage and its maze and sumo categories, made through the REST API. */
export async function createRegionalStage(venue: Venue, token: string, options: { regionCode?: string; name?: string } = {}): Promise<RegionalStage> {
  const post = (path: string, body: object) => request(venue.url).post(path).set('Authorization', `Bearer ${token}`).send(body).expect(201);
  const olympiad = (await post('/api/olympiads', { name: 'R:ED FEST 2026', season: '2026' })).body;
  const stage = (
    await post('/api/stages', {
      olympiadId: olympiad.id,
      kind: 'regional',
      regionCode: options.regionCode ?? 'aktobe',
      name: options.name ?? 'Ақтөбе облыстық кезеңі',
      startsOn: '2026-12-05',
      endsOn: '2026-12-06',
    })
  ).body;
  const categories: Record<string, string> = {};
  for (const category of CATEGORIES) {
    categories[category.name] = (await post('/api/categories', { stageId: stage.id, ...category })).body.id;
  }
  return { olympiadId: olympiad.id, stageId: stage.id, stageCode: stage.code, categories };
}
