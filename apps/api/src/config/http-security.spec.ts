import { originAllowed, type OwnAddresses } from './http-security';

const own: OwnAddresses = {
  hostnames: () => ['localhost', '127.0.0.1', '::1', 'olympiad.local', '192.168.1.23'],
  ports: () => [3000, 3443],
};
const extra = ['https://results.olympiad.kz'];

describe('which pages may read the API (CORS)', () => {
  it('allows the server’s own names on its own ports, over HTTP or HTTPS', () => {
    for (const origin of [
      'http://localhost:3000',
      'https://olympiad.local:3443',
      'http://192.168.1.23:3000',
      'http://[::1]:3000',
      'HTTPS://OLYMPIAD.LOCAL:3443',
    ]) {
      expect(originAllowed(origin, undefined, own, extra)).toBe(true);
    }
  });

  it('allows a page on the host the request came to (a balancer or a dev server in front)', () => {
    expect(originAllowed('https://venue.olympiad.kz', 'venue.olympiad.kz', own, extra)).toBe(true);
    expect(originAllowed('http://localhost:4201', 'localhost:4201', own, extra)).toBe(true);
  });

  it('allows the configured origins', () => {
    expect(originAllowed('https://results.olympiad.kz', 'olympiad.local:3000', own, extra)).toBe(
      true,
    );
  });

  it('refuses any other origin, a port of its own names that the server does not listen on, and junk', () => {
    for (const origin of [
      'http://evil.example',
      'http://localhost:4000',
      'http://olympiad.local',
      'https://results.olympiad.kz.evil.example',
      'null',
      'file://',
      'not a url',
      undefined,
    ]) {
      expect(originAllowed(origin, 'olympiad.local:3000', own, extra)).toBe(false);
    }
  });
});
