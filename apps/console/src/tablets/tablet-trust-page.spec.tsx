import type { VenueTlsInfo } from '@olympiad/contracts';
import { createApiClient, LanguageProvider } from '@olympiad/ui';
import { fireEvent, render, screen, within } from '@testing-library/react';
import QRCode from 'qrcode';
import { TextEncoder } from 'node:util';
import { TabletTrustPage } from './tablet-trust-page';

// qrcode encodes text with TextEncoder, which jsdom lacks.
Object.assign(globalThis, { TextEncoder });
const qrOf = (text: string) =>
  QRCode.toDataURL(text, { margin: 2, width: 280, errorCorrectionLevel: 'M' });

const venueCa: VenueTlsInfo = {
  mode: 'venue-ca',
  name: 'olympiad.local',
  httpsPort: 3443,
  httpsUrl: 'https://olympiad.local:3443',
  httpUrl: 'http://olympiad.local:3000',
  addresses: ['192.168.1.20'],
  caFingerprintSha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  caDownloadUrl: 'http://olympiad.local:3000/api/tls/ca.crt',
};

function trustPage(info: VenueTlsInfo, lang: 'kk' | 'ru' | 'en' = 'en') {
  const fetch = jest.fn(async (url: RequestInfo | URL) => {
    expect(String(url)).toBe('/api/tls');
    return { ok: true, status: 200, text: async () => JSON.stringify(info) } as Response;
  });
  const api = createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
  render(
    <LanguageProvider initial={lang}>
      <TabletTrustPage api={api} />
    </LanguageProvider>,
  );
}

describe('Tablets: trust this venue', () => {
  it('with the venue CA: its download QR and fingerprint, the platform steps, the judge app’s HTTPS address', async () => {
    trustPage(venueCa);
    const download = await screen.findByTestId('ca-download-url');
    expect(download.getAttribute('href')).toBe('http://olympiad.local:3000/api/tls/ca.crt');
    const caQr = await screen.findByAltText('QR code that downloads the venue certificate');
    expect(caQr.getAttribute('src')).toBe(await qrOf('http://olympiad.local:3000/api/tls/ca.crt'));
    expect(screen.getByTestId('ca-fingerprint').textContent).toBe(
      'A1 B2 C3 D4 E5 F6 07 18 29 3A 4B 5C 6D 7E 8F 90'.repeat(2),
    );
    expect(screen.getByTestId('judge-https-url').getAttribute('href')).toBe(
      'https://olympiad.local:3443/judge/',
    );
    const judgeQr = await screen.findByAltText('QR code of the judge app’s HTTPS address');
    expect(judgeQr.getAttribute('src')).toBe(await qrOf('https://olympiad.local:3443/judge/'));
    expect(screen.getByText('https://192.168.1.20:3443/judge/')).toBeTruthy();

    const platforms = screen.getByRole('navigation', { name: 'Tablet type' });
    expect(
      within(platforms).getByRole('button', { name: 'Android' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      screen.getByText(/Encryption & credentials › Install a certificate › CA certificate/),
    ).toBeTruthy();
    fireEvent.click(within(platforms).getByRole('button', { name: 'iPad' }));
    expect(screen.getByText(/Certificate Trust Settings and switch on full trust/)).toBeTruthy();
    expect(screen.queryByText(/Encryption & credentials/)).toBeNull();
    fireEvent.click(within(platforms).getByRole('button', { name: 'Windows' }));
    expect(screen.getByText(/Trusted Root Certification Authorities/)).toBeTruthy();
    fireEvent.click(within(platforms).getByRole('button', { name: 'Chromebook' }));
    expect(screen.getByText(/Manage certificates › Authorities/)).toBeTruthy();
  });

  it('with the venue’s own certificate: no trust step, only the judge app’s address', async () => {
    trustPage(
      { ...venueCa, mode: 'own-certificate', caFingerprintSha256: null, caDownloadUrl: null },
      'ru',
    );
    expect(await screen.findByText(/шаг с доверием не нужен/)).toBeTruthy();
    expect(screen.getByTestId('judge-https-url').textContent).toBe(
      'https://olympiad.local:3443/judge/',
    );
    expect(screen.queryByTestId('ca-download-url')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Тип планшета' })).toBeNull();
  });

  it('with HTTPS off: says so and offers nothing to trust', async () => {
    trustPage(
      {
        ...venueCa,
        mode: 'off',
        httpsPort: null,
        httpsUrl: null,
        caFingerprintSha256: null,
        caDownloadUrl: null,
      },
      'kk',
    );
    expect(await screen.findByText(/HTTPS өшірулі/)).toBeTruthy();
    expect(screen.queryByTestId('judge-https-url')).toBeNull();
    expect(screen.queryByTestId('ca-download-url')).toBeNull();
  });
});
