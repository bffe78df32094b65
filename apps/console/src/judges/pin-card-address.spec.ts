import type { VenueTlsInfo } from '@olympiad/contracts';
import { pinCardAddresses } from './pin-card-address';

const info: VenueTlsInfo = {
  mode: 'venue-ca',
  name: 'olympiad.local',
  httpsPort: 3443,
  httpsUrl: 'https://olympiad.local:3443',
  httpUrl: 'http://olympiad.local:3000',
  addresses: ['fe80::1', '192.168.1.23'],
  caFingerprintSha256: 'AA:BB',
  caDownloadUrl: 'http://olympiad.local:3000/api/tls/ca.crt',
};

describe('the address on a PIN card', () => {
  it('is the venue name over HTTPS, with a LAN address the tablet can open as the fallback', () => {
    expect(pinCardAddresses(info, 'http://localhost:3000')).toEqual({
      byName: 'https://olympiad.local:3443/judge/',
      byAddress: 'https://192.168.1.23:3443/judge/',
    });
  });

  it('is the name over HTTP when the venue serves no HTTPS', () => {
    expect(
      pinCardAddresses(
        { ...info, mode: 'off', httpsPort: null, httpsUrl: null },
        'http://localhost:3000',
      ),
    ).toEqual({
      byName: 'http://olympiad.local:3000/judge/',
      byAddress: null,
    });
  });

  it('is the console origin until the venue has answered', () => {
    expect(pinCardAddresses(undefined, 'http://192.168.1.23:3000')).toEqual({
      byName: 'http://192.168.1.23:3000/judge/',
      byAddress: null,
    });
  });
});
