import type { VenueTlsInfo } from '@olympiad/contracts';
import { LanguageProvider } from '@olympiad/ui';
import { render, screen } from '@testing-library/react';
import { App } from '../app/app';
import { createSessionStore } from '../session/session-store';
import { inSecureContext } from './insecure-connection-notice';

const venueCa: VenueTlsInfo = {
  mode: 'venue-ca',
  name: 'olympiad.local',
  httpsPort: 3443,
  httpsUrl: 'https://olympiad.local:3443',
  httpUrl: 'http://olympiad.local:3000',
  addresses: ['192.168.1.20'],
  caFingerprintSha256: 'ab'.repeat(32),
  caDownloadUrl: 'http://olympiad.local:3000/api/tls/ca.crt',
};

function json(status: number, body: unknown): Response {
  return { ok: status < 400, status, text: async () => JSON.stringify(body) } as Response;
}

function signInScreen(
  secureContext: boolean,
  lang: 'kk' | 'ru' | 'en',
  tls: () => Response = () => json(200, venueCa),
) {
  window.localStorage.clear();
  const fetch = jest.fn(async (url: RequestInfo | URL) =>
    String(url) === '/api/tls' ? tls() : json(404, {}),
  );
  render(
    <LanguageProvider initial={lang}>
      <App
        store={createSessionStore(window.localStorage)}
        fetch={fetch as unknown as typeof globalThis.fetch}
        secureContext={secureContext}
      />
    </LanguageProvider>,
  );
  return fetch;
}

describe('the judge sign-in over a connection that is not secure', () => {
  it('says in Kazakh what it costs and links the venue’s HTTPS address', async () => {
    signInScreen(false, 'kk');
    expect(screen.getByRole('heading', { name: 'Бұл байланыс қорғалмаған' })).toBeTruthy();
    expect(screen.getByText(/бұл планшет оны желісіз қайта жүктей алмайды/)).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'https://olympiad.local:3443/judge/' });
    expect(link.getAttribute('href')).toBe('https://olympiad.local:3443/judge/');
  });

  it('says it in Russian', async () => {
    signInScreen(false, 'ru');
    expect(screen.getByRole('heading', { name: 'Это соединение не защищено' })).toBeTruthy();
    expect(
      await screen.findByText('Откройте приложение судьи по защищённому адресу площадки:'),
    ).toBeTruthy();
  });

  it('says it in English, and that HTTPS is off when the venue has it off', async () => {
    signInScreen(false, 'en', () =>
      json(200, { ...venueCa, mode: 'off', httpsPort: null, httpsUrl: null, caDownloadUrl: null }),
    );
    expect(screen.getByRole('heading', { name: 'This connection is not secure' })).toBeTruthy();
    expect(
      await screen.findByText('HTTPS is off at this venue: ask the organiser to switch it on.'),
    ).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('still warns when the venue cannot say its address', async () => {
    signInScreen(false, 'en', () =>
      json(500, { statusCode: 500, key: 'errors.internal', message: 'x' }),
    );
    expect(
      await screen.findByText('Ask the organiser for the venue’s secure (https) address.'),
    ).toBeTruthy();
  });

  it('shows nothing and asks nothing in a secure context', () => {
    const fetch = signInScreen(true, 'kk');
    expect(screen.getByRole('heading', { name: 'Төрешінің кіруі' })).toBeTruthy();
    expect(screen.queryByTestId('insecure-notice')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('inSecureContext', () => {
  it('follows the browser’s isSecureContext', () => {
    expect(inSecureContext({ isSecureContext: false })).toBe(false);
    expect(inSecureContext({ isSecureContext: true })).toBe(true);
  });
});
