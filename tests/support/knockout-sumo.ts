import request from 'supertest';
import type { Venue } from './start-venue';

/**
 * A published single-elimination sumo category of four teams, drawn (seed 7): every match is in
 * the public bracket the hall and the OBS overlays read. Creates the category unless one is given;
 * answers it as the API does after the draw.
 */
export async function publishedKnockoutSumo(
  venue: Venue,
  organiserToken: string,
  stageId: string,
  existingCategoryId?: string,
): Promise<{ id: string; ruleSet: { params: { match: { matchTimeMs: number } } } }> {
  const auth = { Authorization: `Bearer ${organiserToken}` };
  const post = (url: string, body: object = {}) =>
    request(venue.url).post(url).set(auth).send(body);
  const category = existingCategoryId
    ? (await request(venue.url).get(`/api/categories/${existingCategoryId}`).set(auth).expect(200))
        .body
    : (
        await post('/api/categories', {
          stageId,
          discipline: 'sumo',
          ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
          name: 'Сумо 3–4',
          preset: 'sumo-default',
        }).expect(201)
      ).body;
  await request(venue.url)
    .patch(`/api/categories/${category.id}/params`)
    .set(auth)
    .send({
      params: {
        tournament: { ...category.ruleSet.params.tournament, format: 'single-elimination' },
      },
    })
    .expect(200);
  const school = (
    await post('/api/schools', { name: 'Мектеп №9', regionCode: 'aktobe' }).expect(201)
  ).body;
  for (const name of ['Арыстан', 'Барыс', 'Сұңқар', 'Тұлпар'])
    await post('/api/teams', {
      stageId,
      schoolId: school.id,
      categoryId: category.id,
      name,
      members: [{ name: 'Ержан', grade: 4 }],
    }).expect(201);
  await post(`/api/categories/${category.id}/sumo/draw`, { seed: 7 }).expect(201);
  await post(`/api/categories/${category.id}/publish`).expect(200);
  return (await request(venue.url).get(`/api/categories/${category.id}`).set(auth).expect(200))
    .body;
}
