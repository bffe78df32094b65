import { apiErrorBodySchema } from '@olympiad/contracts';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';

/**
 * Express reads `?stageId=a&stageId=b` as an array; a handler that names one query parameter must
 * answer it with a 400, never hand the array to a database query (a 500 before).
 * Found by tests/api/hostile-http.spec.ts.
 */
describe('a query parameter given twice', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 1 });
  });
  afterAll(() => venue?.stop());

  const lists = () => [
    ['/api/schools', 'regionCode', 'aktobe'],
    ['/api/stages', 'olympiadId', stage.olympiadId],
    [`/api/stages/${stage.stageId}/teams`, 'categoryId', stage.categoryId],
    ['/api/federation/conflicts', 'stageId', stage.stageId],
    [`/api/stages/${stage.stageId}/held-entries`, 'status', 'all'],
    ['/api/rule-presets', 'discipline', 'maze'],
  ];

  it('is refused with a 400 that names the parameter', async () => {
    for (const [path, name, value] of lists()) {
      for (const query of [`${name}=${value}&${name}=${value}`, `${name}=${value}&${name}=`]) {
        const response = await request(venue.url)
          .get(`${path}?${query}`)
          .set('Authorization', `Bearer ${organiser}`);
        expect({ path, query, status: response.status }).toEqual({ path, query, status: 400 });
        expect(apiErrorBodySchema.parse(response.body).issues).toEqual([
          expect.objectContaining({ path: name }),
        ]);
      }
    }
    expect(venue.output()).not.toMatch(/ERROR \[ApiError\]/);
  });

  it('still answers the same parameter given once', async () => {
    for (const [path, name, value] of lists()) {
      await request(venue.url)
        .get(`${path}?${name}=${encodeURIComponent(value)}`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200);
    }
  });
});
