import type { Venue } from '../support/start-venue';
import { judgeToken } from '../support/venue-api';
import {
  FAST_SYNC,
  issueLinkCode,
  ledgerCount,
  linkVenue,
  prepareVenueStage,
  recordFirstAttempts,
  standingsOf,
  startLinkedServers,
  waitForSameStandings,
  type LinkedStage,
} from '../support/federation';

describe('a regional venue linked to the republic server', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;

  beforeAll(async () => {
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
      venueEnv: FAST_SYNC,
    }));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('links with a code, then every score at the venue reaches the republic once', async () => {
    const code = await issueLinkCode(republic, republicToken, linked.stageId);
    const status = await linkVenue(venue, venueToken, code);
    expect(status).toMatchObject({ stageId: linked.stageId, claimed: true });

    const { teamIds, judge } = await prepareVenueStage(venue, venueToken, linked, 3);
    const tablet = await judgeToken(venue, linked.stageCode, judge.pin);
    await recordFirstAttempts(venue, tablet, linked, teamIds);
    await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(3);
    const rows = (await standingsOf(republic, republicToken, linked.categoryId)).standings.rows;
    expect(rows).toHaveLength(3);
  }, 60_000);
});
