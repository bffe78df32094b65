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
          startsOn: '2025-12-05',
          endsOn: '2025-12-06',
          olympiad: { id: 'oly-25', name: 'Робототехника 2025', season: '2025' },
          qualifiers: 4,
        },
        {
          code: 'KZ-25',
          name: 'Республикалық кезең',
          kind: 'republic',
          regionCode: null,
          status: 'live',
          startsOn: '2026-03-01',
          endsOn: '2026-03-02',
          olympiad: { id: 'oly-25', name: 'Робототехника 2025', season: '2025' },
          qualifiers: 4,
        },
      ]);
    if (String(url) === '/api/public/stages/AKM-25/qualifiers')
      return json(200, [
        {
          team: 'Сұңқар',
          school: 'Көкшетау №1',
          category: 'Лабиринт 3–4',
          fromStage: stage.name,
          toStage: 'Республикалық кезең',
          reason: 'top-n',
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
    expect(screen.getByText('2025 ж. 5–6 желтоқсан')).toBeTruthy();
    expect(screen.getAllByText('Өтіп жатыр')).toHaveLength(2);
    expect(
      screen.getAllByRole('link', { name: 'Нәтижелер' }).map((link) => link.getAttribute('href')),
    ).toEqual(['/s/KZ-25', '/s/AKM-25']);
    expect(screen.getAllByRole('link', { name: 'Зал экраны' })[1].getAttribute('href')).toBe(
      '/hall/AKM-25',
    );
    expect(screen.getByText('Республикалық кезеңге жіберілді: 4')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Республикалық шолу' }).getAttribute('href')).toBe(
      '/o/oly-25',
    );
  });

  it("shows an olympiad's republic page: the republic stage first, and who each region sent on", async () => {
    setup('/o/oly-25');
    expect(await screen.findByRole('heading', { name: 'Робототехника 2025' })).toBeTruthy();
    const names = screen
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(names.indexOf('Республикалық кезең')).toBeLessThan(names.indexOf(stage.name));
    expect(screen.getByText('Өңірлерден келген командалар: 4')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Іріктеуден өткендерді көрсету' })[1]);
    expect(await screen.findByText('Сұңқар')).toBeTruthy();
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
