import request from 'supertest';
import {
  FAST_SYNC,
  ledgerCount,
  ledgerOf,
  linkStatusAt,
  postBatch,
  recordAttempt,
  signedBatch,
  standingsOf,
  startLinkedServers,
  venueBundleContent,
  venueRowOf,
  waitForSameStandings,
  type LinkedStage,
} from '../support/federation';
import { eventually } from '../support/field-fixture';
import type { Venue } from '../support/start-venue';

/**
 * docs/federation.md, "Idempotency: no overwrite, ever": an entry id arriving again with other
 * content never replaces what the republic holds; it is kept aside and listed, once.
 */
describe('a conflicting ledger entry from a venue', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let entryId: string;
  let teamIds: string[];
  let tablet: string;

  beforeAll(async () => {
    const servers = await startLinkedServers({ venueEnv: FAST_SYNC, teams: 2 });
    ({ republic, venue, republicToken, venueToken, linked } = servers);
    ({ teamIds, tablet } = servers.prepared);
    entryId = (await recordAttempt(venue, tablet, linked, teamIds[0], 1, 41_500)).id;
    await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('is kept aside, not applied, and listed once with what is stored and what arrived', async () => {
    const asRepublic = { Authorization: `Bearer ${republicToken}` };
    const storedEntries = () => ledgerOf(republic, republicToken, linked.categoryId);
    const before = await storedEntries();
    const standingsBefore = (await standingsOf(republic, republicToken, linked.categoryId))
      .standings;

    // The venue's own stage as it sent it, with the entry changed after it was sent.
    const whole = await venueBundleContent(venue, venueToken, linked.stageId);
    const ledger = whole.groups.find((group) => group.kind === 'ledger')!.items;
    const original = ledger.find((item) => item.id === entryId)!;
    const changed = { ...original, payload: { ...(original.payload as object), timeMs: 12_345 } };
    const batch = signedBatch(
      venue,
      whole,
      (kind, rows) => (kind === 'stage' ? rows : kind === 'ledger' ? [changed] : []),
      { highWaterSeq: original.seq as number },
    );
    const send = () => postBatch(republic, linked.stageId, batch).expect(200);

    expect((await send()).body).toMatchObject({ applied: 0, duplicates: 0, conflicts: 1 });
    expect(await storedEntries()).toEqual(before);
    expect(before.find((entry) => entry.id === entryId)?.payload.timeMs).toBe(41_500);

    const listed = async () =>
      (
        await request(republic.url)
          .get(`/api/federation/conflicts?stageId=${linked.stageId}`)
          .set(asRepublic)
          .expect(200)
      ).body;
    const conflicts = await listed();
    expect(conflicts).toEqual([
      expect.objectContaining({
        stageId: linked.stageId,
        itemKind: 'ledger',
        itemId: entryId,
        reason: 'different-content',
        via: 'online',
        stored: expect.objectContaining({ id: entryId, payload: original.payload }),
        arriving: expect.objectContaining({ id: entryId, payload: changed.payload }),
      }),
    ]);

    // The same conflicting version again: still refused, still listed once.
    expect((await send()).body).toMatchObject({ applied: 0, conflicts: 1 });
    expect(await listed()).toEqual(conflicts);
    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(1);
    expect((await venueRowOf(republic, republicToken, linked.stageId))?.conflicts).toBe(1);
    expect((await standingsOf(republic, republicToken, linked.categoryId)).standings).toEqual(
      standingsBefore,
    );
  });

  it('is counted for the venue organiser too, as the republic reports it with the next batch', async () => {
    await recordAttempt(venue, tablet, linked, teamIds[1], 1, 39_000);
    await eventually(async () => {
      const status = await linkStatusAt(venue, venueToken);
      expect(status).toMatchObject({ conflicts: 1, pendingEntries: 0 });
    }, 15_000);
  });
});
