import request from 'supertest';
import { auditRows, onEachDatabase, rawStatementError } from '../support/audit-record';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';

/**
 * A category's lock, unlock, publish, unpublish and rule parameter edit each leave exactly one row
 * on the audit record, with who, the stage, the category and what changed (docs/audit.md); the
 * table itself refuses UPDATE and DELETE.
 */
onEachDatabase('the audit record of a category on %s', (_database, venueEnv) => {
  let venue: Venue;
  let env: Record<string, string>;
  let organiser: string;
  let stage: StageFixture;

  const post = (path: string) =>
    request(venue.url).post(path).set('Authorization', `Bearer ${organiser}`);
  const rowsOf = (action: string, objectId = stage.categoryId) =>
    auditRows(venue, organiser, { action, objectId });

  beforeAll(async () => {
    env = await venueEnv();
    venue = await startVenue({ env });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 1 });
  });
  afterAll(() => venue?.stop());

  it('records a rule parameter edit with the parameter before and after, and nothing for a refused edit', async () => {
    const category = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body;
    const attemptsBefore = category.ruleSet.params.attempts;
    await request(venue.url)
      .patch(`/api/categories/${stage.categoryId}/params`)
      .set('Authorization', `Bearer ${organiser}`)
      .send({ params: { attempts: attemptsBefore + 1 } })
      .expect(200);
    await request(venue.url)
      .patch(`/api/categories/${stage.categoryId}/params`)
      .set('Authorization', `Bearer ${organiser}`)
      .send({ params: { attempts: -5 } })
      .expect(400);

    const rows = await rowsOf('category.params');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: { kind: 'organiser', name: expect.any(String) },
      stageId: stage.stageId,
      object: { kind: 'category', id: stage.categoryId, name: 'Maze 3–4' },
      before: { attempts: attemptsBefore },
      after: { attempts: attemptsBefore + 1 },
    });
  });

  it('records lock, unlock, publish and unpublish once each, with the status before and after', async () => {
    await post(`/api/categories/${stage.categoryId}/lock`).expect(200);
    await post(`/api/categories/${stage.categoryId}/unlock`).expect(200);
    await post(`/api/categories/${stage.categoryId}/publish`).expect(200);
    await post(`/api/categories/${stage.categoryId}/unpublish`).expect(200);

    const [lock] = await rowsOf('category.lock');
    expect(await rowsOf('category.lock')).toHaveLength(1);
    expect(lock.before).toEqual({ status: 'setup', lockedAt: null });
    expect(lock.after).toEqual({ status: 'locked', lockedAt: expect.any(String) });

    const unlock = await rowsOf('category.unlock');
    expect(unlock).toHaveLength(1);
    expect(unlock[0].before).toEqual({ status: 'locked', lockedAt: lock.after?.['lockedAt'] });
    expect(unlock[0].after).toEqual({ status: 'running', lockedAt: null });

    const publish = await rowsOf('category.publish');
    expect(publish).toHaveLength(1);
    expect(publish[0].before).toEqual({ published: false, publishedAt: null });
    expect(publish[0].after).toEqual({ published: true, publishedAt: expect.any(String) });

    const unpublish = await rowsOf('category.unpublish');
    expect(unpublish).toHaveLength(1);
    expect(unpublish[0].after).toEqual({ published: false, publishedAt: null });

    // Newest first: the category's history reads back in the order it happened.
    const history = await auditRows(venue, organiser, { objectId: stage.categoryId });
    expect(history.map((row) => row.action)).toEqual([
      'category.unpublish',
      'category.publish',
      'category.unlock',
      'category.lock',
      'category.params',
    ]);
  });

  it('the table refuses UPDATE and DELETE in the database itself', async () => {
    expect(
      await rawStatementError(venue, env, `UPDATE audit_entry SET "actorName" = 'someone else'`),
    ).toMatch(/append-only/);
    expect(await rawStatementError(venue, env, 'DELETE FROM audit_entry')).toMatch(/append-only/);
    expect(await auditRows(venue, organiser, { objectId: stage.categoryId })).toHaveLength(5);
  });
});
