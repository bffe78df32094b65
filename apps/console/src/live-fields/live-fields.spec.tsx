import type { FieldQueue, HeldEntry, RunState } from '@olympiad/contracts';
import { createApiClient, LanguageProvider } from '@olympiad/ui';
import type { ReactElement } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ConsoleApi } from '../stage/console-context';
import { AttemptQueueTab } from './attempt-queue-tab';
import { FieldsOverviewTab } from './fields-overview-tab';
import { FakeLiveSocket } from './fake-live-socket';

const socket = new FakeLiveSocket((room) =>
  room.kind === 'field'
    ? {
        ok: true,
        room,
        run: { fieldId: room.id, state: 'idle' },
        devices: [gateStatus],
        unassigned: [],
      }
    : { ok: true, room },
);
jest.mock('socket.io-client', () => ({ io: () => socket }));

const gateStatus = {
  deviceId: 'gate-1',
  fieldId: 'f1',
  online: true,
  fw: '1.0.0',
  boot: 'b1',
  battery: 87,
  rssi: -60,
  lastSeenAt: '2026-12-05T09:00:00.000Z',
};
const team = (teamId: string, name: string, attemptsUsed: number, nextAttempt: number | null) => ({
  teamId,
  name,
  school: '№21 мектеп',
  categoryId: 'maze-34',
  attemptsUsed,
  attemptsAllowed: 3,
  nextAttempt,
});
const mazeTable = (
  teams = [team('t1', 'Арлан', 0, 1), team('t2', 'Барыс', 0, 1), team('t3', 'Қыран', 3, null)],
): FieldQueue => ({
  fieldId: 'f1',
  name: 'Лабиринт үстелі 1',
  discipline: 'maze',
  categories: [{ id: 'maze-34', name: 'Лабиринт 3–4', attempts: 3 }],
  teams,
  nextMatch: null,
});
const ring: FieldQueue = {
  fieldId: 'f2',
  name: 'Сумо рингі',
  discipline: 'sumo',
  categories: [{ id: 'sumo-56', name: 'Сумо 5–6', attempts: null }],
  teams: [],
  nextMatch: {
    categoryId: 'sumo-56',
    matchId: 'A-1',
    a: { teamId: 's1', name: 'Алпамыс' },
    b: { teamId: 's2', name: 'Батыр' },
    underWay: false,
  },
};
const held = (categoryId: string): HeldEntry =>
  ({
    id: `h-${categoryId}`,
    stageId: 's',
    categoryId,
    categoryName: '',
    teamId: null,
    teamName: null,
    status: 'open',
  }) as unknown as HeldEntry;
const run = (state: RunState['state'], extra: Record<string, unknown> = {}) =>
  ({
    fieldId: 'f1',
    runId: 'r1',
    categoryId: 'maze-34',
    teamId: 't1',
    attempt: 1,
    armedAt: '2026-12-05T09:00:00.000Z',
    state,
    ...extra,
  }) as RunState;

function json(status: number, body: unknown): Response {
  return { ok: status < 400, status, text: async () => JSON.stringify(body) } as Response;
}

/** The stage's API as the tabs use it; `queues` and `heldAnswer` can change between calls. */
function stageApi(state: { queues: FieldQueue[]; heldAnswer: { status: number; body: unknown } }) {
  const calls: string[] = [];
  const fetch = jest.fn(async (url: RequestInfo | URL) => {
    const path = String(url);
    calls.push(path);
    if (path === '/api/stages/s/field-queues') return json(200, state.queues);
    if (path === '/api/stages/s/devices')
      return json(200, [{ id: 'gate-1', fieldId: 'f1', label: '' }]);
    if (path === '/api/stages/s/held-entries?status=open')
      return json(state.heldAnswer.status, state.heldAnswer.body);
    return json(404, { statusCode: 404, key: 'errors.notFound', message: path });
  });
  const consoleApi: ConsoleApi = {
    api: createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch }),
    getToken: () => 't',
  };
  return { consoleApi, calls };
}

const renderIn = (lang: 'kk' | 'ru' | 'en', node: ReactElement) =>
  render(<LanguageProvider initial={lang}>{node}</LanguageProvider>);

describe('running the day in the console', () => {
  beforeEach(() => {
    socket.handlers.clear();
    socket.joined = [];
  });

  it('overview: a run goes armed → running → finished live, and the next team moves on', async () => {
    const state = {
      queues: [mazeTable(), ring],
      heldAnswer: { status: 200, body: [held('maze-34'), held('sumo-56'), held('other')] },
    };
    const { consoleApi, calls } = stageApi(state);
    renderIn('en', <FieldsOverviewTab console={consoleApi} stageId="s" />);
    const card = within(
      (await screen.findByText('Лабиринт үстелі 1')).closest('li') as HTMLElement,
    );
    socket.fire('connect');
    expect(socket.joined).toEqual(
      expect.arrayContaining([
        { kind: 'stage', id: 's' },
        { kind: 'field', id: 'f1' },
        { kind: 'field', id: 'f2' },
        { kind: 'category', id: 'maze-34' },
        { kind: 'category', id: 'sumo-56' },
      ]),
    );
    expect(card.getByText('Nothing on the field')).toBeTruthy();
    expect(card.getByText('Online')).toBeTruthy();
    expect(card.getByText(/Battery 87%/)).toBeTruthy();
    expect(within(card.getByTestId('next-team')).getByText('Арлан')).toBeTruthy();
    expect(within(card.getByTestId('next-team')).getByText('Waiting: 2')).toBeTruthy();
    // Held entries: 3 open in the stage, 1 of this table's category, 1 of the ring's.
    expect(screen.getByTestId('held-total').textContent).toContain('3');
    expect(
      document
        .querySelector('[data-field="Лабиринт үстелі 1"] [data-held]')
        ?.getAttribute('data-held'),
    ).toBe('1');
    expect(screen.getByText('Алпамыс – Батыр')).toBeTruthy();

    socket.fire('run:state', run('armed'));
    expect(card.getByText('Armed: waiting for the start gate')).toBeTruthy();
    expect(card.getByText('attempt 1 of 3')).toBeTruthy();
    expect(within(card.getByTestId('next-team')).getByText('Барыс')).toBeTruthy();

    socket.fire('run:state', run('running', { startedAt: new Date().toISOString() }));
    expect(card.getByText('Running')).toBeTruthy();
    expect(document.querySelector('.run-status__clock')?.textContent).toMatch(/^0:0\d\.\d$/);

    const before = calls.filter((path) => path.endsWith('field-queues')).length;
    state.queues = [
      mazeTable([
        team('t2', 'Барыс', 0, 1),
        team('t1', 'Арлан', 1, 2),
        team('t3', 'Қыран', 3, null),
      ]),
      ring,
    ];
    socket.fire(
      'run:state',
      run('finished', { startedAt: new Date().toISOString(), durationMs: 47_310, entryId: 'e1' }),
    );
    expect(card.getByText('Finished')).toBeTruthy();
    expect(card.getByText('0:47.310')).toBeTruthy();
    await waitFor(() =>
      expect(calls.filter((path) => path.endsWith('field-queues')).length).toBeGreaterThan(before),
    );
    await waitFor(() =>
      expect(within(card.getByTestId('next-team')).getByText('Барыс')).toBeTruthy(),
    );
  });

  it('overview: says “not known” for held entries when the server has no answer, never 0', async () => {
    const { consoleApi } = stageApi({
      queues: [mazeTable()],
      heldAnswer: {
        status: 404,
        body: { statusCode: 404, key: 'errors.notFound', message: 'Cannot GET' },
      },
    });
    renderIn('kk', <FieldsOverviewTab console={consoleApi} stageId="s" />);
    await screen.findByText('Лабиринт үстелі 1');
    await waitFor(() => expect(document.querySelectorAll('[data-held="unknown"]')).toHaveLength(2));
    expect(screen.getAllByText('белгісіз')).toHaveLength(2);
    expect(document.querySelector('[data-held="0"]')).toBeNull();
    expect(screen.getByText(/бұл нөл дегенді білдірмейді/)).toBeTruthy();
  });

  it('queue: every team still to run in order with its attempt, the team on the field apart', async () => {
    const { consoleApi } = stageApi({
      queues: [
        mazeTable(),
        { ...mazeTable([team('t9', 'Шағала', 0, 1)]), fieldId: 'f3', name: 'Лабиринт үстелі 2' },
      ],
      heldAnswer: { status: 200, body: [] },
    });
    renderIn('ru', <AttemptQueueTab console={consoleApi} stageId="s" />);
    await screen.findByRole('heading', { name: 'Лабиринт үстелі 1' });
    socket.fire('connect');
    const names = () =>
      Array.from(document.querySelectorAll('.attempt-queue__team'), (item) =>
        item.getAttribute('data-team'),
      );
    expect(names()).toEqual(['Арлан', 'Барыс']);
    expect(screen.getByText('Ещё выступят: 2')).toBeTruthy();
    expect(screen.getByText('Использовали все попытки: 1')).toBeTruthy();
    expect(screen.getAllByText('попытка 1 из 3')).toHaveLength(2);

    socket.fire('run:state', run('running', { startedAt: new Date().toISOString() }));
    expect(names()).toEqual(['Барыс']);
    expect(
      within(document.querySelector('.queue-card__now') as HTMLElement).getByText('Арлан'),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Лабиринт үстелі 2' }));
    expect(names()).toEqual(['Шағала']);
  });

  it('overview: a finished run shows the gate time until the judge confirms, then the confirmed result', async () => {
    const state = { queues: [mazeTable(), ring], heldAnswer: { status: 200, body: [] } };
    const { consoleApi, calls } = stageApi(state);
    renderIn('en', <FieldsOverviewTab console={consoleApi} stageId="s" />);
    const card = within(
      (await screen.findByText('Лабиринт үстелі 1')).closest('li') as HTMLElement,
    );
    socket.fire('connect');
    const finished = run('finished', {
      startedAt: new Date().toISOString(),
      durationMs: 47_381,
      entryId: 'e1',
    });
    state.queues = [
      { ...mazeTable(), lastRun: { runId: 'r1', state: 'provisional', attempt: null } },
      ring,
    ];
    socket.fire('run:state', finished);
    await waitFor(() =>
      expect(calls.filter((path) => path.endsWith('field-queues')).length).toBe(2),
    );
    expect(card.getByText('Finished')).toBeTruthy();
    expect(card.getByText('0:47.381')).toBeTruthy();
    expect(card.getByText('Gate time: the judge has not confirmed it yet')).toBeTruthy();

    // The judge adds a touch: the category's standings change, the queues come again.
    state.queues = [
      {
        ...mazeTable(),
        lastRun: {
          runId: 'r1',
          state: 'replaced',
          attempt: {
            outcome: 'finished',
            resultMs: 57_381,
            touches: 1,
            timing: 'sensor',
            timeMs: 47_381,
          },
        },
      },
      ring,
    ];
    socket.fire('standings:delta', { categoryId: 'maze-34', version: 2, changed: [] });
    await waitFor(() => expect(card.getByText('Confirmed by the judge')).toBeTruthy());
    expect(
      document
        .querySelector('[data-field="Лабиринт үстелі 1"] [data-run-state]')
        ?.getAttribute('data-run-state'),
    ).toBe('confirmed');
    expect(card.getByText('0:57.381')).toBeTruthy();
    expect(card.getByText('1 touch')).toBeTruthy();
    expect(card.queryByText('0:47.381')).toBeNull();

    // A check of an older run says nothing about the one on the field now.
    socket.fire('run:state', { ...finished, runId: 'r2', durationMs: 50_000 });
    expect(card.getByText('0:50.000')).toBeTruthy();
    expect(card.getByText('Finished')).toBeTruthy();

    // The judge frees the field: nothing on it.
    socket.fire('run:state', { fieldId: 'f1', state: 'idle' });
    expect(card.getByText('Nothing on the field')).toBeTruthy();
  });

  it('overview and queue: a table sharing its category says with whom, and a team on the other table is not called here', async () => {
    const shared = (
      fieldId: string,
      name: string,
      other: string,
      teams: ReturnType<typeof team>[],
    ): FieldQueue => ({
      ...mazeTable(teams),
      fieldId,
      name,
      categories: [{ id: 'maze-34', name: 'Лабиринт 3–4', attempts: 3, sharedWith: [other] }],
    });
    const state = {
      queues: [
        shared('f1', 'Лабиринт үстелі 1', 'Лабиринт үстелі 2', [
          team('t1', 'Арлан', 0, 1),
          team('t2', 'Барыс', 0, 1),
        ]),
        shared('f3', 'Лабиринт үстелі 2', 'Лабиринт үстелі 1', [team('t5', 'Қыран', 0, 1)]),
      ],
      heldAnswer: { status: 200, body: [] },
    };
    const { consoleApi } = stageApi(state);
    renderIn('ru', <FieldsOverviewTab console={consoleApi} stageId="s" />);
    const first = within(
      (await screen.findByText('Лабиринт үстелі 1', { selector: 'h4' })).closest(
        'li',
      ) as HTMLElement,
    );
    socket.fire('connect');
    expect(
      first.getByText(
        'Лабиринт 3–4 проходит также на: Лабиринт үстелі 2. Команды разделены между столами по алфавиту; этот стол вызывает только свои.',
      ),
    ).toBeTruthy();
    expect(within(first.getByTestId('next-team')).getByText('Арлан')).toBeTruthy();
    // Арлан was armed at the other table: this one calls Барыс.
    socket.fire('run:state', { ...run('armed'), fieldId: 'f3' });
    expect(within(first.getByTestId('next-team')).getByText('Барыс')).toBeTruthy();
  });

  it('queue: a table running several categories says so and names each team’s category', async () => {
    const mixed: FieldQueue = {
      ...mazeTable([
        team('t1', 'Арлан', 0, 1),
        { ...team('t2', 'Барыс', 0, 1), categoryId: 'maze-56' },
        { ...team('t3', 'Дала', 0, 1), categoryId: 'maze-78' },
      ]),
      categories: [
        { id: 'maze-34', name: 'Лабиринт 3–4', attempts: 3 },
        { id: 'maze-56', name: 'Лабиринт 5–6', attempts: 3 },
        { id: 'maze-78', name: 'Лабиринт 7–8', attempts: 3 },
      ],
    };
    const { consoleApi } = stageApi({ queues: [mixed], heldAnswer: { status: 200, body: [] } });
    renderIn('ru', <AttemptQueueTab console={consoleApi} stageId="s" />);
    await screen.findByRole('heading', { name: 'Лабиринт үстелі 1' });
    socket.fire('connect');
    expect(
      screen.getByText('Одна очередь для 3 категорий: у каждой команды указана её категория.'),
    ).toBeTruthy();
    const categoryOf = (name: string) =>
      document.querySelector(`.attempt-queue__team[data-team="${name}"] .team-category`)
        ?.textContent;
    expect([categoryOf('Арлан'), categoryOf('Барыс'), categoryOf('Дала')]).toEqual([
      'Лабиринт 3–4',
      'Лабиринт 5–6',
      'Лабиринт 7–8',
    ]);
  });

  it('overview: a controller that reports no battery shows no battery figure, not “—%”', async () => {
    const { consoleApi } = stageApi({
      queues: [mazeTable()],
      heldAnswer: { status: 200, body: [] },
    });
    renderIn('en', <FieldsOverviewTab console={consoleApi} stageId="s" />);
    await screen.findByText('Лабиринт үстелі 1');
    socket.fire('connect');
    socket.fire('device:status', { ...gateStatus, battery: null });
    const health = document.querySelector('[data-device="gate-1"]')?.textContent ?? '';
    expect(health).toContain('Last message');
    expect(health).not.toMatch(/Battery|%/);
  });

  it('overview: reads the queues again when a category beacon is ahead of what it heard (deltas lost on the way)', async () => {
    const state = { queues: [mazeTable()], heldAnswer: { status: 200, body: [] } };
    const { consoleApi, calls } = stageApi(state);
    renderIn('en', <FieldsOverviewTab console={consoleApi} stageId="s" />);
    const card = within(
      (await screen.findByText('Лабиринт үстелі 1')).closest('li') as HTMLElement,
    );
    socket.fire('connect');
    const beacon = (version: number) => ({
      kind: 'category',
      id: 'maze-34',
      version,
      everyMs: 15_000,
    });
    socket.fire('room:beacon', beacon(4));
    const before = calls.filter((path) => path.endsWith('field-queues')).length;

    // Арлан's attempt was scored on another replica; its delta never reached this console.
    state.queues = [mazeTable([team('t2', 'Барыс', 0, 1), team('t1', 'Арлан', 1, 2)])];
    socket.fire('room:beacon', beacon(5));
    await waitFor(() =>
      expect(calls.filter((path) => path.endsWith('field-queues')).length).toBeGreaterThan(before),
    );
    await waitFor(() =>
      expect(within(card.getByTestId('next-team')).getByText('Барыс')).toBeTruthy(),
    );
  });
});
