import request from 'supertest';
import type { Venue } from './start-venue';
import { mazeAttempt, type StageFixture } from './venue-api';

/**
 * A field and a held entry beside a maze stage's category, teams and judges, so the routes of
 * fields and of the review queue have real rows to be tried on. The entry is held the way a
 * tablet's is: sent while the category was locked.
 */
export async function addFieldAndHeldEntry(
  venue: Venue,
  organiserToken: string,
  judgeToken: string,
  stage: StageFixture,
): Promise<{ fieldId: string; heldId: string }> {
  const organiser = { Authorization: `Bearer ${organiserToken}` };
  const fieldId = (
    await request(venue.url)
      .post('/api/fields')
      .set(organiser)
      .send({ stageId: stage.stageId, name: 'Table 1', discipline: 'maze' })
      .expect(201)
  ).body.id as string;
  await request(venue.url)
    .post(`/api/categories/${stage.categoryId}/lock`)
    .set(organiser)
    .expect(200);
  const entry = mazeAttempt(stage, stage.teamIds[0], 1, 40_000);
  await request(venue.url)
    .post('/api/held-entries')
    .set('Authorization', `Bearer ${judgeToken}`)
    .send({ entry, refusal: { key: 'ledger.categoryLocked', message: 'locked' } })
    .expect(201);
  await request(venue.url)
    .post(`/api/categories/${stage.categoryId}/unlock`)
    .set(organiser)
    .expect(200);
  return { fieldId, heldId: entry.id };
}
