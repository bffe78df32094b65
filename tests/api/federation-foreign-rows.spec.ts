import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  FAST_SYNC,
  issueLinkCode,
  linkVenue,
  prepareVenueStage,
  postBatch,
  signedBatch,
  startLinkedServers,
  venueBundleContent,
  waitForSameStandings,
  type LinkedStage,
} from '../support/federation';
import type { Venue } from '../support/start-venue';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * docs/federation.md, "Who owns what": a venue's signed data changes its own stage and nothing
 * else on the republic server. A snapshot that names rows of another stage (the republic stage's
 * school, a qualification record into the republic stage) must leave them as they are.
 */
describe("a venue's snapshot naming rows of another stage on the republic", () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let venueTeamId: string;
  let republicStageId: string;
  let republicTeamId: string;
  let republicSchoolId: string;

  beforeAll(async () => {
    // Linked once the republic's own stage and school are there.
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
      venueEnv: FAST_SYNC,
    }));
    const onRepublic = (route: string, body: object) =>
      request(republic.url).post(route).set(auth(republicToken)).send(body).expect(201);
    republicStageId = (
      await onRepublic('/api/stages', {
        olympiadId: linked.olympiadId,
        kind: 'republic',
        name: 'Республикалық кезең',
        startsOn: '2027-03-20',
        endsOn: '2027-03-21',
      })
    ).body.id;
    const republicCategoryId = (
      await onRepublic('/api/categories', {
        stageId: republicStageId,
        discipline: 'maze',
        ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
        name: 'Лабиринт 3–4',
        preset: 'maze-default',
      })
    ).body.id;
    republicSchoolId = (
      await onRepublic('/api/schools', { name: 'Астана №1 лицейі', regionCode: 'astana' })
    ).body.id;
    republicTeamId = (
      await onRepublic('/api/teams', {
        stageId: republicStageId,
        schoolId: republicSchoolId,
        categoryId: republicCategoryId,
        name: 'Астана командасы',
        members: [{ name: 'Айгерім', grade: 4 }],
      })
    ).body.id;

    await linkVenue(
      venue,
      venueToken,
      await issueLinkCode(republic, republicToken, linked.stageId),
    );
    ({
      teamIds: [venueTeamId],
    } = await prepareVenueStage(venue, venueToken, linked, 1));
    await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  /** The venue's stage as it stands, as a snapshot batch with `change` applied to its groups. */
  async function snapshotBatch(
    snapshotNo: number,
    change: (kind: string, items: Record<string, unknown>[]) => Record<string, unknown>[],
  ) {
    const whole = await venueBundleContent(venue, venueToken, linked.stageId);
    return signedBatch(venue, whole, (kind, rows) => change(kind, kind === 'ledger' ? [] : rows), {
      snapshotNo,
      snapshot: true,
    });
  }

  const send = (batch: Buffer) => postBatch(republic, linked.stageId, batch).expect(200);

  it('writes no qualification record into the republic stage', async () => {
    const batch = await snapshotBatch(10_000, (kind, items) =>
      kind === 'qualification'
        ? [
            {
              id: randomUUID(),
              sourceTeamId: venueTeamId,
              targetStageId: republicStageId,
              targetTeamId: republicTeamId,
              reason: 'wildcard',
              note: 'entered by the venue',
              enteredBy: 'venue',
              enteredAt: new Date().toISOString(),
            },
          ]
        : items,
    );
    expect((await send(batch)).body).toMatchObject({ snapshotApplied: true });
    const entries = await request(republic.url)
      .get(`/api/stages/${republicStageId}/qualification/entries`)
      .set(auth(republicToken))
      .expect(200);
    expect(entries.body).toEqual([]);
  });

  it("does not rename a school the republic stage's teams use", async () => {
    const batch = await snapshotBatch(10_001, (kind, items) =>
      kind === 'school'
        ? [
            ...items,
            { id: republicSchoolId, name: 'Renamed by a venue', regionCode: 'astana', town: '' },
          ]
        : items,
    );
    expect((await send(batch)).body).toMatchObject({ snapshotApplied: true, conflicts: 1 });
    const schools = (
      await request(republic.url).get('/api/schools').set(auth(republicToken)).expect(200)
    ).body as { id: string; name: string }[];
    expect(schools.find((school) => school.id === republicSchoolId)?.name).toBe('Астана №1 лицейі');
    const conflicts = (
      await request(republic.url)
        .get(`/api/federation/conflicts?stageId=${linked.stageId}`)
        .set(auth(republicToken))
        .expect(200)
    ).body as { itemKind: string; itemId: string; reason: string }[];
    expect(conflicts).toEqual([
      expect.objectContaining({
        itemKind: 'school',
        itemId: republicSchoolId,
        reason: 'other-stage',
      }),
    ]);
  });
});
