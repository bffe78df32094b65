import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';

const EVIL = 'http://evil.example';
const EXTRA = 'https://results.olympiad.example';

/** An app page, a static asset, a JSON answer, a refusal and the API docs: every kind of answer the server gives. */
const ANSWERS = [
  '/',
  '/judge/',
  '/console/',
  '/hall/00000000-0000-4000-8000-000000000000',
  '/judge/manifest.webmanifest',
  '/api/health',
  '/api/me',
  '/api/no-such-route',
  '/api/docs',
];

describe('security headers and CORS (docs/security.md)', () => {
  let venue: Venue;
  beforeAll(async () => {
    venue = await startVenue({ env: { CORS_ORIGINS: `${EXTRA}, http://192.168.50.7:8080` } });
  });
  afterAll(() => venue.stop());

  it.each(ANSWERS)('%s carries the CSP and helmet headers and no X-Powered-By', async (path) => {
    const response = await request(venue.url).get(path).set('Accept', 'text/html');
    expect(response.status).toBeLessThan(500);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    // HTTP and HTTPS share the venue's name on two ports: HSTS would break the HTTP one.
    expect(response.headers['strict-transport-security']).toBeUndefined();
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('gives a page of another origin no Access-Control-Allow-Origin, simple request or preflight', async () => {
    const simple = await request(venue.url).get('/api/health').set('Origin', EVIL).expect(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(venue.url)
      .options('/api/auth/organiser')
      .set('Origin', EVIL)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    // A look-alike of an own origin on another port is another origin too.
    const otherPort = await request(venue.url)
      .get('/api/health')
      .set('Origin', `http://127.0.0.1:${venue.port + 1}`);
    expect(otherPort.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the server’s own origins and the configured ones', async () => {
    for (const origin of [
      venue.url,
      `http://localhost:${venue.port}`,
      EXTRA,
      'http://192.168.50.7:8080',
    ]) {
      const response = await request(venue.url)
        .get('/api/health')
        .set('Origin', origin)
        .expect(200);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      const preflight = await request(venue.url)
        .options('/api/ledger')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,authorization')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    }
  });

  it('applies the same rule to Socket.IO’s polling transport', async () => {
    const handshake = (origin: string) =>
      request(venue.url)
        .get('/socket.io/?EIO=4&transport=polling')
        .set('Origin', origin)
        .expect(200);
    expect((await handshake(EVIL)).headers['access-control-allow-origin']).toBeUndefined();
    expect((await handshake(EXTRA)).headers['access-control-allow-origin']).toBe(EXTRA);
  });
});

describe('CORS_ORIGINS is checked at start', () => {
  it('refuses an entry that is not an origin, naming the variable', async () => {
    await expect(
      startVenue({ env: { CORS_ORIGINS: 'https://results.olympiad.example/path' } }),
    ).rejects.toThrow(/CORS_ORIGINS/);
  });
});
