import request from 'supertest';
import { auditRows, onEachDatabase } from '../support/audit-record';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';

/**
 * A sumo draw and a re-draw each leave exactly one row on the audit record, in the ledger entry's
 * own transaction: which ledger entry and seed, and for a re-draw which draw it replaced
 * (docs/audit.md). A refused draw leaves none.
 */
onEachDatabase('the audit record of the sumo draw on %s', (_database, venueEnv) => {
  let venue: Venue;
  let organiser: string;
  let stage: RegionalStage;
  let sumo: string;
  const auth = () => ({ Authorization: `Bearer ${organiser}` });
  const draw = (seed: number) =>
    request(venue.url).post(`/api/categories/${sumo}/sumo/draw`).set(auth()).send({ seed });
  const drawEntries = async () =>
    (
      (await request(venue.url).get(`/api/categories/${sumo}/ledger`).set(auth()).expect(200))
        .body as { id: string; kind: string }[]
    ).filter((entry) => entry.kind === 'sumo.draw');

  beforeAll(async () => {
    venue = await startVenue({ env: await venueEnv() });
    organiser = await organiserToken(venue);
    stage = await createRegionalStage(venue, organiser);
    sumo = stage.categories['Сумо 3–4'];
  });
  afterAll(() => venue?.stop());

  it('refuses a draw with fewer than two teams and records nothing', async () => {
    await draw(7).expect(400);
    expect(await auditRows(venue, organiser, { action: 'sumo.draw' })).toEqual([]);
  });

  it('records the draw and the re-draw, each with its ledger entry and seed', async () => {
    const school = (
      await request(venue.url)
        .post('/api/schools')
        .set(auth())
        .send({ name: 'Мектеп №1', regionCode: 'aktobe' })
        .expect(201)
    ).body;
    for (let i = 1; i <= 4; i++) {
      await request(venue.url)
        .post('/api/teams')
        .set(auth())
        .send({
          stageId: stage.stageId,
          schoolId: school.id,
          categoryId: sumo,
          name: `Қыран ${i}`,
          members: [{ name: `Әлихан ${i}`, grade: 4 }],
        })
        .expect(201);
    }
    await draw(42).expect(201);
    await draw(43).expect(201);
    const [first, second] = await drawEntries();

    const rows = await auditRows(venue, organiser, { action: 'sumo.draw', objectId: sumo });
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      stageId: stage.stageId,
      object: { kind: 'category', name: 'Сумо 3–4' },
      before: null,
      after: { ledgerEntryId: first.id, seed: 42 },
    });
    expect(rows[0]).toMatchObject({
      before: { ledgerEntryId: first.id, seed: 42 },
      after: { ledgerEntryId: second.id, seed: 43 },
    });
  });
});
