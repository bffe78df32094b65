import type { StandingsSnapshot } from '@olympiad/contracts';
import request from 'supertest';
import { onEachDatabase } from '../support/audit-record';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  publishLive,
  type StageFixture,
} from '../support/venue-api';

/**
 * Publishing, withdrawing or locking a category while judges score it must not put its standings
 * version back: every entry moves the version on by one, and a viewer skips a delta whose version
 * it thinks it already has (docs/design.md#live-updates). The switches write only what they change.
 */
onEachDatabase(
  'the standings version while the publish switch is flipped, on %s',
  (_db, venueEnv) => {
    let venue: Venue;
    let organiser: string;
    let stage: StageFixture;

    beforeAll(async () => {
      venue = await startVenue({ env: await venueEnv() });
      organiser = await organiserToken(venue);
      stage = await createMazeStage(venue, organiser, { teams: 4 });
      await publishLive(venue, organiser, stage);
    });
    afterAll(() => venue?.stop());

    const version = async () =>
      (
        (
          await request(venue.url)
            .get(`/api/categories/${stage.categoryId}/standings`)
            .set('Authorization', `Bearer ${organiser}`)
            .expect(200)
        ).body as StandingsSnapshot
      ).version;

    it('moves on by one for every entry, however the switch flips meanwhile', async () => {
      const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
      const before = await version();
      const entries = stage.teamIds.flatMap((team, index) =>
        [1, 2, 3].map((attempt) =>
          mazeAttempt(stage, team, attempt, 40_000 + index * 1_000 + attempt),
        ),
      );
      const flips = entries.map((_, index) =>
        request(venue.url)
          .post(`/api/categories/${stage.categoryId}/${index % 2 ? 'publish' : 'unpublish'}`)
          .set('Authorization', `Bearer ${organiser}`)
          .expect(200),
      );
      await Promise.all([
        ...entries.map((entry) =>
          request(venue.url)
            .post('/api/ledger')
            .set('Authorization', `Bearer ${judge}`)
            .send(entry)
            .expect(201),
        ),
        ...flips,
      ]);
      expect(await version()).toBe(before + entries.length);
    });
  },
);
