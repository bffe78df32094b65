import type { VenueTlsInfo } from '@olympiad/contracts';
import { judgeAppUrl, judgeAppUrlsByAddress } from './judge-app-urls';

const info: VenueTlsInfo = {
  mode: 'venue-ca',
  name: 'olympiad.local',
  httpsPort: 3443,
  httpsUrl: 'https://olympiad.local:3443',
  httpUrl: 'http://olympiad.local:3000',
  addresses: ['192.168.1.20', '2a02:598:4:1::20', 'fe80::1c2a:3bff:fe4d:5e6f'],
  caFingerprintSha256: null,
  caDownloadUrl: null,
};

describe('judge app addresses', () => {
  it('put the judge app under the venue origin, with or without its trailing slash', () => {
    expect(judgeAppUrl('https://olympiad.local:3443')).toBe('https://olympiad.local:3443/judge/');
    expect(judgeAppUrl('https://olympiad.local:3443/')).toBe('https://olympiad.local:3443/judge/');
  });

  it('list one HTTPS address per LAN address, IPv6 in brackets, link-local ones left out', () => {
    expect(judgeAppUrlsByAddress(info)).toEqual([
      'https://192.168.1.20:3443/judge/',
      'https://[2a02:598:4:1::20]:3443/judge/',
    ]);
  });

  it('list none when HTTPS is off', () => {
    expect(
      judgeAppUrlsByAddress({ ...info, mode: 'off', httpsPort: null, httpsUrl: null }),
    ).toEqual([]);
  });
});
