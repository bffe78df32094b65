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
    expect(health).toMatchObject({
      status: 'ok',
      database: { kind: 'better-sqlite3', ready: true },
      mqtt: { mode: 'embedded', ready: true },
    });
  });

  it('serves OpenAPI documentation listing the endpoints', async () => {
    const page = await request(venue.url).get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger');
    const spec = (await request(venue.url).get('/api/docs-json').expect(200)).body;
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/ledger', '/api/auth/judge', '/api/health']),
    );
    expect(spec.paths['/api/ledger'].post.requestBody).toBeDefined();
  });

  it("describes each route with the route table's schemas: its answer and the refusal body", async () => {
    const spec = (await request(venue.url).get('/api/docs-json').expect(200)).body;
    const ref = (answer: { content: Record<string, { schema: { $ref?: string } }> }) =>
      String(answer.content['application/json'].schema.$ref).split('/').pop() ?? '';
    const olympiads = spec.paths['/api/olympiads'].get.responses;
    const answer = spec.components.schemas[ref(olympiads['200'])];
    expect(answer.type).toBe('array');
    expect(Object.keys(answer.items.properties)).toEqual(
      expect.arrayContaining(['id', 'name', 'season', 'logoUrl']),
    );
    const refusal = spec.components.schemas[ref(olympiads.default)];
    expect(Object.keys(refusal.properties)).toEqual(['statusCode', 'key', 'message', 'issues']);
  });

  it('lists the 20 regions with Kazakh names publicly', async () => {
    const regions = (await request(venue.url).get('/api/regions').expect(200)).body;
    expect(regions).toHaveLength(20);
    expect(regions.find((region: { code: string }) => region.code === 'abai').name.kk).toBe(
      'Абай облысы',
    );
  });

  it.each([
    ['/judge/', 'judge'],
    ['/console/', 'console'],
    ['/', 'leaderboard'],
    ['/hall/AKT-2026', 'leaderboard'],
    ['/judge/some/deep/link', 'judge'],
  ])('serves the built %s app page (deep links included)', async (path) => {
    const response = await request(venue.url).get(path).expect(200);
    expect(response.text).toContain('<div id="root">');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('compresses what it serves for slow venue Wi-Fi', async () => {
    const page = await request(venue.url).get('/judge/').set('Accept-Encoding', 'gzip').expect(200);
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(page.text);
    expect(script).not.toBeNull();
    const asset = await request(venue.url)
      .get(script![1])
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
  });
});
