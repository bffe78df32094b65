import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';

describe('one port serves a venue', () => {
  let venue: Venue;
  beforeAll(async () => {
    venue = await startVenue();
  });
  afterAll(() => venue.stop());

  it('reports health with the database and the embedded MQTT broker', async () => {
    const health = (await request(venue.url).get('/api/health').expect(200)).body;
    expect(health).toMatchObject({ status: 'ok', database: { kind: 'better-sqlite3', ready: true }, mqtt: { mode: 'embedded', ready: true } });
  });

  it('serves OpenAPI documentation listing the endpoints', async () => {
    const page = await request(venue.url).get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger');
    const spec = (await request(venue.url).get('/api/docs-json').expect(200)).body;
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/ledger', '/api/auth/judge', '/api/health']));
    expect(spec.paths['/api/ledger'].post.requestBody).toBeDefined();
  });

  it('lists the 20 regions with Kazakh names publicly', async () => {
    const regions = (await request(venue.url).get('/api/regions').expect(200)).body;
    expect(regions).toHaveLength(20);
    expect(regions.find((region: { code: string }) => region.code === 'abai').name.kk).toBe('Абай облысы');
  });

  it.each([
    ['/judge/', 'judge'],
    ['/console/', 'console'],
    ['/', 'leaderboard'],
    ['/hall/AKT-2026', 'leaderboard'],
    ['/judge/some/deep/link', 'judge'],
  ])('serves an app page at %s', async (path) => {
    const response = await request(venue.url).get(path);
    // 200 with the built app, or a plain 503 telling how to build it; never the API's JSON 404.
    expect([200, 503]).toContain(response.status);
    if (response.status === 200) expect(response.text).toContain('<div id="root">');
  });
});
