import { LanguageProvider } from '@olympiad/ui';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from './app';

type Route = (init?: RequestInit) => {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const header = (name: string) =>
    Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;
  return {
    ok: status < 400,
    status,
    headers: { get: header },
    text: async () => JSON.stringify(body),
  } as unknown as Response;
}

const staffMe =
  (staffRole: string, stageIds: string[] = []) =>
  () => ({
    status: 200,
    body: { role: 'organiser', id: 'u1', name: 'admin', username: 'admin', staffRole, stageIds },
  });

/**
 * A scripted API: `routes['GET /api/setup']` answers that call; unknown calls fail loudly. The
 * signed-in account is an administrator unless `GET /api/me` says otherwise.
 */
function setup(scripted: Record<string, Route>) {
  const routes: Record<string, Route> = { 'GET /api/me': staffMe('admin'), ...scripted };
  const fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const route = routes[`${init?.method ?? 'GET'} ${String(url)}`];
    if (!route)
      return json(599, {
        statusCode: 599,
        key: 'test.unrouted',
        message: `no route ${String(url)}`,
      });
    const { status, body, headers } = route(init);
    return json(status, body, headers);
  });
  render(
    <LanguageProvider initial="kk">
      <App fetch={fetch as unknown as typeof globalThis.fetch} />
    </LanguageProvider>,
  );
  return fetch;
}

const sentBody = (fetch: jest.Mock, call: string) => {
  const found = fetch.mock.calls.find(([url, init]) => `${init?.method ?? 'GET'} ${url}` === call);
  return found ? JSON.parse(String(found[1]?.body)) : undefined;
};

describe('console app', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.history.replaceState(null, '', '/console/');
  });

  it('on a fresh venue sets up the organiser with the code from the link, then lists no olympiads', async () => {
    window.history.replaceState(null, '', '/console/setup?token=one-time-42');
    const fetch = setup({
      'GET /api/setup': () => ({ status: 200, body: { needsSetup: true } }),
      'POST /api/setup': () => ({
        status: 201,
        body: { token: 'org', role: 'organiser', name: 'admin' },
      }),
      'GET /api/olympiads': () => ({ status: 200, body: [] }),
    });
    expect(await screen.findByRole('heading', { name: /Алғашқы іске қосу/ })).toBeTruthy();
    expect((screen.getByLabelText('Бір реттік код') as HTMLInputElement).value).toBe('one-time-42');

    fireEvent.change(screen.getByLabelText('Пайдаланушы аты'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Құпиясөз'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Тіркелгі жасау' }));
    expect(screen.getAllByText('Кемінде 10 таңба').length).toBeGreaterThan(0);
    expect(sentBody(fetch, 'POST /api/setup')).toBeUndefined();

    fireEvent.change(screen.getByLabelText('Құпиясөз'), {
      target: { value: 'long-enough-password' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Тіркелгі жасау' }));
    expect(await screen.findByText(/Әзірге олимпиада жоқ/)).toBeTruthy();
    expect(sentBody(fetch, 'POST /api/setup')).toEqual({
      token: 'one-time-42',
      username: 'admin',
      password: 'long-enough-password',
    });
    expect(window.location.pathname).toBe('/console/');
    expect(screen.getByText('Кірген: admin')).toBeTruthy();
  });

  it('after setup offers sign-in and says a wrong password in Kazakh', async () => {
    setup({
      'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
      'POST /api/auth/organiser': () => ({
        status: 401,
        body: { statusCode: 401, key: 'auth.wrongPassword', message: 'Wrong username or password' },
      }),
    });
    fireEvent.change(await screen.findByLabelText('Пайдаланушы аты'), {
      target: { value: 'admin' },
    });
    fireEvent.change(screen.getByLabelText('Құпиясөз'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Кіру' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Пайдаланушы аты немесе құпиясөз қате.',
    );
  });

  it('after failed sign-ins counts down the back-off the server asks for', async () => {
    setup({
      'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
      'POST /api/auth/organiser': () => ({
        status: 429,
        headers: { 'Retry-After': '42' },
        body: { statusCode: 429, key: 'errors.tooManyRequests', message: 'Too many requests' },
      }),
    });
    fireEvent.change(await screen.findByLabelText('Пайдаланушы аты'), {
      target: { value: 'admin' },
    });
    fireEvent.change(screen.getByLabelText('Құпиясөз'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Кіру' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Сәтсіз әрекет тым көп; 42 секундтан кейін қайталап көріңіз.',
    );
    expect((screen.getByRole('button', { name: 'Кіру' }) as HTMLButtonElement).disabled).toBe(true);
  });

  describe('signed in', () => {
    beforeEach(() =>
      window.localStorage.setItem(
        'olympiad.console.session',
        JSON.stringify({ token: 't', name: 'admin' }),
      ),
    );

    it('creates an olympiad after checking the form with the contracts schema', async () => {
      let olympiads: unknown[] = [];
      const fetch = setup({
        'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
        'GET /api/olympiads': () => ({ status: 200, body: olympiads }),
        'POST /api/olympiads': (init) => {
          olympiads = [{ id: 'o1', ...JSON.parse(String(init?.body)) }];
          return { status: 201, body: olympiads[0] };
        },
      });
      await screen.findByText(/Әзірге олимпиада жоқ/);
      fireEvent.click(screen.getByRole('button', { name: 'Олимпиада құру' }));
      expect(screen.getByText('Міндетті өріс')).toBeTruthy();
      expect(sentBody(fetch, 'POST /api/olympiads')).toBeUndefined();

      fireEvent.change(screen.getByLabelText('Атауы'), {
        target: { value: 'R:ED FEST робототехника' },
      });
      fireEvent.change(screen.getByLabelText('Маусым'), { target: { value: '2025–2026' } });
      fireEvent.click(screen.getByRole('button', { name: 'Олимпиада құру' }));
      expect(
        await screen.findByText('«R:ED FEST робототехника» олимпиадасы құрылды.'),
      ).toBeTruthy();
      expect(await screen.findByRole('heading', { name: 'R:ED FEST робототехника' })).toBeTruthy();
      expect(sentBody(fetch, 'POST /api/olympiads')).toEqual({
        name: 'R:ED FEST робототехника',
        season: '2025–2026',
      });
    });

    it('shows the stages of an olympiad, the republic stage first', async () => {
      setup({
        'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
        'GET /api/olympiads': () => ({
          status: 200,
          body: [{ id: 'o1', name: 'R:ED FEST', season: '2025' }],
        }),
        'GET /api/stages?olympiadId=o1': () => ({
          status: 200,
          body: [
            {
              id: 's2',
              name: 'Ақмола кезеңі',
              kind: 'regional',
              regionCode: 'akmola',
              code: 'AKM-25',
              status: 'live',
              startsOn: '2025-03-01',
              endsOn: '2025-03-02',
            },
            {
              id: 's1',
              name: 'Республикалық финал',
              kind: 'republic',
              regionCode: null,
              code: 'KZ-25',
              status: 'draft',
              startsOn: '2025-05-01',
              endsOn: '2025-05-03',
            },
          ],
        }),
      });
      fireEvent.click(await screen.findByRole('button', { name: 'Кезеңдерді көрсету' }));
      await screen.findByText('Республикалық финал');
      const names = Array.from(
        document.querySelectorAll('.stage-list__item strong'),
        (element) => element.textContent,
      );
      expect(names).toEqual(['Республикалық финал', 'Ақмола кезеңі']);
      // The stage list, not the new-stage form's region choice.
      const list = within(document.querySelector('.stage-list') as HTMLElement);
      expect(list.getByText(/Ақмола облысы/)).toBeTruthy();
      expect(list.getByText('Өтіп жатыр')).toBeTruthy();
      expect(list.getByText('Коды AKM-25')).toBeTruthy();
    });

    it('offers an administrator the staff accounts and a new olympiad', async () => {
      setup({
        'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
        'GET /api/olympiads': () => ({ status: 200, body: [] }),
      });
      await screen.findByText(/Әзірге олимпиада жоқ/);
      expect(screen.getByRole('link', { name: 'Қызметкерлер тіркелгілері' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Олимпиада құру' })).toBeTruthy();
      expect(screen.getByRole('link', { name: /Әкімші/ })).toBeTruthy();
    });

    it('offers a stage coordinator none of the actions that belong to no stage', async () => {
      setup({
        'GET /api/me': staffMe('coordinator', ['s1']),
        'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
        'GET /api/olympiads': () => ({ status: 200, body: [] }),
      });
      await screen.findByText(/Әзірге олимпиада жоқ/);
      expect(screen.getByRole('link', { name: /Кезең үйлестірушісі/ })).toBeTruthy();
      expect(screen.queryByRole('link', { name: 'Қызметкерлер тіркелгілері' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Олимпиада құру' })).toBeNull();
    });

    it('tells an observer the account is read-only and offers no new olympiad', async () => {
      setup({
        'GET /api/me': staffMe('observer'),
        'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
        'GET /api/olympiads': () => ({ status: 200, body: [] }),
      });
      expect(await screen.findByText('Тек қарауға арналған тіркелгі')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Олимпиада құру' })).toBeNull();
    });

    it('leaves the Staff page at once when the administrator gives up their own role', async () => {
      window.history.replaceState(null, '', '/console/staff');
      let role = 'admin';
      const account = {
        id: 'u1',
        username: 'admin',
        displayName: 'admin',
        stageIds: [],
        active: true,
        createdAt: '2026-12-06T08:00:00Z',
        lastSignInAt: null,
      };
      const fetch = setup({
        'GET /api/me': () => staffMe(role)(),
        'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
        'GET /api/staff': () => ({ status: 200, body: [{ ...account, staffRole: role }] }),
        'GET /api/stages': () => ({ status: 200, body: [] }),
        'GET /api/olympiads': () => ({ status: 200, body: [] }),
        'PATCH /api/staff/u1': (init) => {
          role = JSON.parse(String(init?.body)).staffRole;
          return { status: 200, body: { ...account, staffRole: role } };
        },
      });
      await screen.findByRole('heading', { name: 'Қызметкерлер тіркелгілері' });
      fireEvent.click(await screen.findByRole('button', { name: 'Рөлі мен кезеңдері' }));
      const card = within(document.querySelector('.staff-card') as HTMLElement);
      fireEvent.click(card.getByRole('radio', { name: 'Бақылаушы' }));
      fireEvent.click(card.getByRole('button', { name: 'Рөлі мен кезеңдерін сақтау' }));
      expect(await screen.findByText('Тек қарауға арналған тіркелгі')).toBeTruthy();
      expect(screen.queryByRole('heading', { name: 'Қызметкерлер тіркелгілері' })).toBeNull();
      expect(sentBody(fetch, 'PATCH /api/staff/u1')).toEqual({
        staffRole: 'observer',
        stageIds: [],
      });
    });

    it('signs out when the token is refused', async () => {
      setup({
        'GET /api/setup': () => ({ status: 200, body: { needsSetup: false } }),
        'GET /api/olympiads': () => ({
          status: 401,
          body: { statusCode: 401, key: 'errors.unauthorized', message: 'Unauthorized' },
        }),
      });
      expect(await screen.findByText('Кіру мерзімі аяқталды. Қайта кіріңіз.')).toBeTruthy();
      await waitFor(() =>
        expect(window.localStorage.getItem('olympiad.console.session')).toBeNull(),
      );
    });
  });
});
