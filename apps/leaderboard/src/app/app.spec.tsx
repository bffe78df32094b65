import type { StageSnapshot, StandingsSnapshot } from '@olympiad/contracts';
import { LanguageProvider } from '@olympiad/ui';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FakeTransport } from '../live/fake-transport';
import { App } from './app';

function json(status: number, body: unknown): Response {
  return { ok: status < 400, status, text: async () => JSON.stringify(body) } as Response;
}

const stage: StageSnapshot = {
  stageId: 's1',
  name: 'Ақмола облысы — өңірлік кезең',
  status: 'live',
  categories: [
    {
      id: 'maze-34',
      name: 'Лабиринт 3–4',
      discipline: 'maze',
      ageGroup: '3–4',
      status: 'running',
      published: true,
      version: 4,
    },
    {
      id: 'sumo-56',
      name: 'Сумо 5–6',
      discipline: 'sumo',
      ageGroup: '5–6',
      status: 'running',
      published: false,
      version: 1,
    },
  ],
};

const standings: StandingsSnapshot = {
  categoryId: 'maze-34',
  version: 4,
  published: true,
  standings: {
    rows: [
      { teamId: 't1', place: 1, status: 'ranked', primary: 0, display: '0', detail: {} },
      { teamId: 't2', place: null, status: 'not-scored', primary: null, display: '', detail: {} },
    ],
  },
  teams: {
    t1: { name: 'Қыран', school: 'Көкшетау №3 мектеп' },
    t2: { name: 'Бүркіт', school: 'Степногорск лицейі' },
  },
};

function setup(path: string) {
  window.history.replaceState(null, '', path);
  const transport = new FakeTransport();
  transport.answer = (_event, room) => ({
    ok: true,
    room,
    standings: room.kind === 'category' ? standings : undefined,
  });
  const fetch = jest.fn(async (url: RequestInfo | URL) => {
    if (String(url) === '/api/public/stages/AKM-25') return json(200, stage);
    if (String(url) === '/api/public/stages')
      return json(200, [
        {
          code: 'AKM-25',
          name: stage.name,
          kind: 'regional',
          regionCode: 'akmola',
          status: 'live',
        },
      ]);
    return json(404, { statusCode: 404, key: 'errors.notFound', message: 'Not found' });
  });
  render(
    <LanguageProvider initial="kk">
      <App fetch={fetch as unknown as typeof globalThis.fetch} makeTransport={() => transport} />
    </LanguageProvider>,
  );
  return { transport };
}

describe('leaderboard app', () => {
  it('lists the public stages with links to results and the hall screen', async () => {
    setup('/');
    expect(await screen.findByRole('heading', { name: stage.name })).toBeTruthy();
    expect(screen.getByText(/Өңірлік кезең · Өтіп жатыр/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Нәтижелер' }).getAttribute('href')).toBe('/s/AKM-25');
    expect(screen.getByRole('link', { name: 'Зал экраны' }).getAttribute('href')).toBe(
      '/hall/AKM-25',
    );
  });

  it('shows only published categories and the standings from the socket, "not scored" apart from 0', async () => {
    const { transport } = setup('/s/AKM-25');
    await screen.findByRole('heading', { name: stage.name });
    await act(async () => transport.connect());
    expect(screen.queryByText('Сумо 5–6')).toBeNull();
    expect(await screen.findByText('Қыран')).toBeTruthy();
    const results = Array.from(
      document.querySelectorAll('td.standings__result'),
      (cell) => cell.textContent,
    );
    expect(results).toEqual(['0', 'Әлі бағаланбаған']);
    expect(transport.requests).toContainEqual({
      event: 'join',
      room: { kind: 'category', id: 'maze-34' },
    });
  });

  it('finds a team typed without Kazakh letters', async () => {
    const { transport } = setup('/s/AKM-25');
    await screen.findByRole('heading', { name: stage.name });
    await act(async () => transport.connect());
    fireEvent.change(await screen.findByPlaceholderText('Іздеу: команда не мектеп'), {
      target: { value: 'кокшетау' },
    });
    expect(screen.getByText('Қыран')).toBeTruthy();
    expect(screen.queryByText('Бүркіт')).toBeNull();
  });

  it('marks the page while reconnecting, keeping the standings', async () => {
    const { transport } = setup('/s/AKM-25');
    await screen.findByRole('heading', { name: stage.name });
    await act(async () => transport.connect());
    await screen.findByText('Қыран');
    act(() => transport.disconnect());
    expect(screen.getByText('Қайта қосылуда…')).toBeTruthy();
    expect(screen.getByText('Қыран')).toBeTruthy();
  });

  it('says so for an unknown stage code', async () => {
    setup('/s/NOPE');
    expect(await screen.findByText('NOPE коды бар жария кезең жоқ.')).toBeTruthy();
  });

  it('shows the hall screen with the current category in large type', async () => {
    const { transport } = setup('/hall/AKM-25?every=20');
    await act(async () => transport.connect());
    expect(await screen.findByRole('heading', { name: /Лабиринт 3–4/ })).toBeTruthy();
    expect(await screen.findByText('Қыран')).toBeTruthy();
    expect(document.querySelector('.hall')?.getAttribute('data-theme')).toBe('hall');
  });
});
