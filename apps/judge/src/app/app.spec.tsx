import { LanguageProvider } from '@olympiad/ui';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { memoryOutboxStore, type OutboxItem, type OutboxStore } from '../outbox/outbox-store';
import type { JudgeMe } from '@olympiad/contracts';
import { createSessionStore } from '../session/session-store';
import { App } from './app';

const me: JudgeMe = {
  role: 'judge',
  judge: {
    id: 'j1',
    name: 'Асан Бекұлы',
    role: 'judge',
    stageId: 's1',
    stageName: 'Ақмола облысы',
  },
  assignments: {
    categories: [
      { id: 'c2', name: 'Сумо 5–6', discipline: 'sumo', ageGroup: '5–6' },
      { id: 'c1', name: 'Әліппе лабиринті', discipline: 'maze', ageGroup: '1–2' },
      { id: 'c3', name: 'Ақ лабиринт', discipline: 'maze', ageGroup: '3–4' },
    ],
    fields: [{ id: 'f1', name: 'Алаң 1', discipline: 'maze' }],
  },
};

function json(status: number, body: unknown): Response {
  return { ok: status < 400, status, text: async () => JSON.stringify(body) } as Response;
}

function setup(
  respond: (url: string, init?: RequestInit) => Response | Promise<Response>,
  outboxStore?: OutboxStore,
) {
  const fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) =>
    respond(String(url), init),
  );
  const store = createSessionStore(window.localStorage);
  render(
    <LanguageProvider initial="kk">
      <App
        store={store}
        fetch={fetch as unknown as typeof globalThis.fetch}
        outboxStore={outboxStore}
      />
    </LanguageProvider>,
  );
  return { fetch, store };
}

function typePin(digits: string) {
  for (const digit of digits) fireEvent.click(screen.getByRole('button', { name: digit }));
}

describe('judge app', () => {
  beforeEach(() => window.localStorage.clear());

  it('signs in with stage code and keypad PIN and shows the assignments in Kazakh order', async () => {
    const { fetch, store } = setup((url) =>
      url === '/api/auth/judge' ? json(200, { token: 'tok', ...me }) : json(200, me),
    );
    fireEvent.change(screen.getByLabelText('Кезең коды'), { target: { value: 'akm-25' } });
    typePin('2580');
    fireEvent.click(screen.getByRole('button', { name: 'Кіру' }));

    expect(await screen.findByRole('heading', { name: 'Сізге тағайындалғандар' })).toBeTruthy();
    const [, init] = fetch.mock.calls[0];
    expect(JSON.parse(String(init?.body))).toEqual({ stageCode: 'AKM-25', pin: '2580' });
    const names = Array.from(
      document.querySelectorAll('.tile__name'),
      (element) => element.textContent,
    );
    expect(names).toEqual(['Ақ лабиринт', 'Әліппе лабиринті', 'Сумо 5–6', 'Алаң 1']);
    expect(screen.getByText('Лабиринт · 1–2 сыныптар')).toBeTruthy();
    expect(store.read()?.token).toBe('tok');
    expect(store.readStageCode()).toBe('AKM-25');
  });

  it('checks the form before sending it', () => {
    const { fetch } = setup(() => json(500, {}));
    fireEvent.change(screen.getByLabelText('Кезең коды'), { target: { value: 'AKM-25' } });
    typePin('12');
    fireEvent.click(screen.getByRole('button', { name: 'Кіру' }));
    expect(screen.getByText('PIN 4–8 цифрдан тұрады')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says a wrong PIN in the judge’s language and clears the PIN', async () => {
    setup(() =>
      json(401, { statusCode: 401, key: 'auth.wrongPin', message: 'Wrong stage code or PIN' }),
    );
    fireEvent.change(screen.getByLabelText('Кезең коды'), { target: { value: 'AKM-25' } });
    typePin('1111');
    fireEvent.click(screen.getByRole('button', { name: 'Кіру' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Кезең коды немесе PIN қате.');
    expect(screen.getByText('0 цифр енгізілді')).toBeTruthy();
  });

  it('says to wait after too many attempts', async () => {
    setup(() =>
      json(429, { statusCode: 429, key: 'errors.tooManyRequests', message: 'Too many requests' }),
    );
    fireEvent.change(screen.getByLabelText('Кезең коды'), { target: { value: 'AKM-25' } });
    typePin('1111');
    fireEvent.click(screen.getByRole('button', { name: 'Кіру' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Бір минут күтіп');
  });

  describe('with a stored sign-in', () => {
    beforeEach(() => {
      createSessionStore(window.localStorage).write({
        token: 'old',
        me,
        savedAt: '2025-04-01T08:00:00Z',
      });
    });

    it('keeps the judge signed in after a reload and confirms with /api/me', async () => {
      const { fetch } = setup(() => json(200, me));
      expect(screen.getByRole('heading', { name: 'Сізге тағайындалғандар' })).toBeTruthy();
      await waitFor(() => expect(fetch).toHaveBeenCalled());
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe('/api/me');
      expect((init?.headers as Record<string, string>)['Authorization']).toBe('Bearer old');
    });

    it('signs out when /api/me answers 401', async () => {
      const { store } = setup(() =>
        json(401, { statusCode: 401, key: 'errors.unauthorized', message: 'Unauthorized' }),
      );
      expect(await screen.findByText('Кіру мерзімі аяқталды. Қайта кіріңіз.')).toBeTruthy();
      expect(screen.getByRole('heading', { name: 'Төрешінің кіруі' })).toBeTruthy();
      expect(store.read()).toBeNull();
    });

    it('keeps showing the stored assignments when the server cannot be reached', async () => {
      setup(() => {
        throw new TypeError('Failed to fetch');
      });
      expect(await screen.findByText(/Тағайындаулар соңғы жүктелген күйінде/)).toBeTruthy();
      expect(screen.getByRole('link', { name: /^Ақ лабиринт Лабиринт/ })).toBeTruthy();
    });

    it('opens a field at each category judged there', async () => {
      setup(() => json(200, me));
      await screen.findByRole('heading', { name: 'Сізге тағайындалғандар' });
      const field = document.querySelector('.tile--field') as HTMLElement;
      const links = Array.from(field.querySelectorAll('a'), (a) => [
        a.textContent,
        a.getAttribute('href'),
      ]);
      expect(links).toEqual([
        ['Ақ лабиринт', '/judge/c/c3?field=f1'],
        ['Әліппе лабиринті', '/judge/c/c1?field=f1'],
      ]);
    });

    it('says how many entries are still unsent before signing out', async () => {
      const outboxStore = memoryOutboxStore();
      const item = (id: string, patch: Partial<OutboxItem>): OutboxItem => ({
        id,
        entry: {
          id,
          categoryId: 'c3',
          teamId: null,
          kind: 'maze.attempt',
          payload: {},
          supersedes: null,
          reason: null,
          recordedAt: '2026-12-05T09:00:00.000Z',
          deviceId: null,
        },
        judgeId: 'j1',
        state: 'pending',
        problem: null,
        createdAt: '2026-12-05T09:00:00.000Z',
        order: 0,
        label: id,
        ...patch,
      });
      const locked = { status: 409, key: 'ledger.categoryLocked', message: 'locked' };
      await outboxStore.put(item('waiting', { order: 1 }));
      await outboxStore.put(item('refused', { order: 2, state: 'held', problem: locked }));
      await outboxStore.put(
        item('with-head-judge', {
          order: 3,
          state: 'held',
          problem: locked,
          handover: { state: 'sent', at: '2026-12-05T09:01:00.000Z', stageId: 's1' },
        }),
      );
      await outboxStore.put(item('of-another-judge', { order: 4, judgeId: 'j2' }));
      const { store } = setup((url) => {
        if (url === '/api/me') return json(200, me);
        throw new TypeError('Failed to fetch');
      }, outboxStore);
      await screen.findByText(/1 жазбаны сервер қабылдамады/);
      fireEvent.click(screen.getByRole('button', { name: 'Шығу' }));
      expect(screen.getByTestId('sign-out-question').textContent).toBe(
        'Осы планшеттің 2 жазбасы серверге де, бас төрешіге де жеткен жоқ. Олар планшетте қалады және осы жерде қайта кіргенде жіберіледі. Бәрібір шығасыз ба?',
      );
      fireEvent.click(screen.getByRole('button', { name: 'Бас тарту' }));
      expect(screen.queryByTestId('sign-out-question')).toBeNull();
      expect(store.read()).not.toBeNull();
    });

    it('asks before signing out', async () => {
      const { store } = setup(() => json(200, me));
      fireEvent.click(screen.getByRole('button', { name: 'Шығу' }));
      expect(store.read()).not.toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Иә, шығу' }));
      expect(store.read()).toBeNull();
      expect(await screen.findByRole('heading', { name: 'Төрешінің кіруі' })).toBeTruthy();
    });
  });
});
