import request from 'supertest';
import type { Venue } from './start-venue';
import { createMazeStage, judgeToken, organiserToken, type StageFixture } from './venue-api';

type Authorization = { Authorization: string };

/**
 * A maze stage that is live (so its field judge may record) but not published, with the
 * organiser's and the field judge's Authorization headers.
 */
export async function liveMazeStage(
  venue: Venue,
  teams: number,
): Promise<{ stage: StageFixture; organiser: Authorization; judge: Authorization }> {
  const token = await organiserToken(venue);
  const organiser = { Authorization: `Bearer ${token}` };
  const stage = await createMazeStage(venue, token, { teams });
  const judge = {
    Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
  };
  await request(venue.url)
    .patch(`/api/stages/${stage.stageId}`)
    .set(organiser)
    .send({ status: 'live' })
    .expect(200);
  return { stage, organiser, judge };
}
