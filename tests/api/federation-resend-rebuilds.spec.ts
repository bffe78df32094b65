import Database from 'better-sqlite3';
import * as path from 'node:path';
import {
  FAST_SYNC,
  postBatch,
  recordFirstAttempts,
  signedBatch,
  standingsOf,
  startLinkedServers,
  venueBundleContent,
  waitForSameStandings,
  type LinkedStage,
} from '../support/federation';
import { startVenue, type Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';

/**
 * docs/federation.md, "Store and forward": a batch is safe to apply twice, so nothing depends on
 * an answer arriving. The republic applies a batch in one transaction and rebuilds the standings
 * after it commits; a republic killed between the two has the entries but not their standings,
 * and the venue, which never got an answer, sends the same entries again.
 */
describe('a batch resent after the republic died before rebuilding the standings', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;

  beforeAll(async () => {
    const servers = await startLinkedServers({ venueEnv: FAST_SYNC, teams: 2 });
    ({ republic, venue, republicToken, venueToken, linked } = servers);
    await recordFirstAttempts(venue, servers.prepared.tablet, linked, servers.prepared.teamIds);
    await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('rebuilds the standings from the entries it already holds', async () => {
    // The republic's database as a kill -9 right after the batch's commit leaves it.
    const { dataDir, port } = republic;
    await republic.stop();
    const db = new Database(path.join(dataDir, 'olympiad.sqlite'));
    db.prepare('DELETE FROM standing WHERE "categoryId" = ?').run(linked.categoryId);
    db.close();
    republic = await startVenue({ dataDir, port });
    republicToken = await organiserToken(republic);

    const whole = await venueBundleContent(venue, venueToken, linked.stageId);
    const ledger = whole.groups.find((group) => group.kind === 'ledger')?.items ?? [];
    const resent = signedBatch(
      venue,
      whole,
      (kind, rows) => (kind === 'stage' || kind === 'ledger' ? rows : []),
      { highWaterSeq: Math.max(...ledger.map((entry) => entry.seq as number)) },
    );
    const answer = await postBatch(republic, linked.stageId, resent).expect(200);
    expect(answer.body).toMatchObject({ applied: 0, duplicates: 2, conflicts: 0 });

    expect(await standingsOf(republic, republicToken, linked.categoryId)).toEqual(
      await standingsOf(venue, venueToken, linked.categoryId),
    );
  });
});
