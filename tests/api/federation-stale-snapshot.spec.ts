import request from 'supertest';
import {
  postBatch,
  recordAttempt,
  signedBatch,
  standingsOf,
  startLinkedServers,
  venueBundleContent,
  type BundleContent,
  type LinkedStage,
} from '../support/federation';
import type { Venue } from '../support/start-venue';

/**
 * docs/federation.md, "Store and forward": a venue restored from a backup numbers its snapshots
 * below the last one the republic applied, so its next snapshot is not applied and the venue
 * numbers on from the republic's. Entries of a team registered since the backup travel in that
 * same batch: they must wait for the snapshot that brings their team, not be acknowledged and lost.
 */
describe('entries in a batch whose snapshot the republic did not apply', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let entryId: string;
  let whole: BundleContent;

  beforeAll(async () => {
    // Every batch in this test is made here with the venue's key: the venue is linked by a file
    // naming an address where nothing listens, so its own outbox never reaches the republic.
    const servers = await startLinkedServers({ link: 'unreachable', teams: 1 });
    ({ republic, venue, republicToken, venueToken, linked } = servers);
    const { teamIds, tablet } = servers.prepared;
    entryId = (await recordAttempt(venue, tablet, linked, teamIds[0], 1, 44_000)).id;
    whole = await venueBundleContent(venue, venueToken, linked.stageId);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  const batch = (
    snapshotNo: number,
    keep: (kind: string) => boolean,
    claimSecret: unknown = null,
  ) =>
    signedBatch(venue, whole, (kind, rows) => (keep(kind) ? rows : []), {
      snapshotNo,
      snapshot: true,
      claimSecret,
    });
  const send = async (bytes: Buffer) =>
    (await postBatch(republic, linked.stageId, bytes).expect(200)).body;

  it('are not acknowledged, and arrive with the next snapshot', async () => {
    // Before the backup was lost: snapshot 5, taken before the team was registered, in the file
    // that claimed the stage.
    const beforeTeam = (kind: string) => kind !== 'team' && kind !== 'ledger';
    const claimed = await request(republic.url)
      .post('/api/federation/bundles')
      .set('Authorization', `Bearer ${republicToken}`)
      .set('Content-Type', 'application/octet-stream')
      .send(batch(5, beforeTeam, whole.claimSecret))
      .expect(200);
    expect(claimed.body).toMatchObject({ snapshotApplied: true });

    // The restored venue: snapshot 3 with the new team, and the team's entry.
    const restored = await send(batch(3, () => true));
    expect(restored).toMatchObject({ snapshotApplied: false, republicSnapshotNo: 5, applied: 0 });
    expect(restored.acknowledged).not.toContain(entryId);

    // It numbers on from the republic's snapshot and sends the entry again.
    expect(await send(batch(6, () => true))).toMatchObject({
      snapshotApplied: true,
      applied: 1,
      conflicts: 0,
    });
    expect(await standingsOf(republic, republicToken, linked.categoryId)).toEqual(
      await standingsOf(venue, venueToken, linked.categoryId),
    );
  });
});
