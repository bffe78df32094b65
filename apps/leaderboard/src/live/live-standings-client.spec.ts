import type { StandingsSnapshot } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import { FakeTransport } from './fake-transport';
import { elapsedMs } from '../hall/field-clock';
import { LiveStandingsClient } from './live-standings-client';

const row = (teamId: string, place: number | null, display: string): StandingRow => ({
  teamId,
  place,
  status: place === null ? 'not-scored' : 'ranked',
  primary: null,
  display,
  detail: {},
});

const snapshotAt = (version: number, rows: StandingRow[]): StandingsSnapshot => ({
  categoryId: 'maze',
  version,
  published: true,
  standings: { rows },
  teams: { a: { name: 'Ақбота', school: '' }, b: { name: 'Бүркіт', school: '' } },
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const transport = new FakeTransport();
  let served = snapshotAt(3, [row('a', 1, '0:41'), row('b', null, '')]);
  transport.answer = (_event, room) => ({ ok: true, room, standings: served });
  const sut = new LiveStandingsClient(() => transport);
  sut.start();
  return { transport, sut, serve: (snapshot: StandingsSnapshot) => (served = snapshot) };
}

const view = (sut: LiveStandingsClient) => sut.getState().categories['maze'];
const rowsOf = (sut: LiveStandingsClient) => {
  const current = view(sut);
  return current.status === 'live'
    ? current.standings.standings.rows.map((r) => `${r.teamId}:${r.display}`)
    : current.status;
};

describe('LiveStandingsClient', () => {
  it('joins on connect and shows the snapshot', async () => {
    const { transport, sut } = setup();
    sut.watchCategories(['maze']);
    expect(view(sut).status).toBe('joining');
    transport.connect();
    await flush();
    expect(transport.requests).toEqual([{ event: 'join', room: { kind: 'category', id: 'maze' } }]);
    expect(rowsOf(sut)).toEqual(['a:0:41', 'b:']);
    expect(sut.getState().link).toBe('online');
  });

  it('applies deltas in order', async () => {
    const { transport, sut } = setup();
    transport.connect();
    sut.watchCategories(['maze']);
    await flush();
    transport.push('standings:delta', {
      categoryId: 'maze',
      version: 4,
      changed: [row('b', 1, '0:39'), row('a', 2, '0:41')],
    });
    expect(rowsOf(sut)).toEqual(['b:0:39', 'a:0:41']);
  });

  it('asks for a snapshot when a delta is missing, and takes it', async () => {
    const { transport, sut, serve } = setup();
    transport.connect();
    sut.watchCategories(['maze']);
    await flush();
    serve(snapshotAt(6, [row('b', 1, '0:38'), row('a', 2, '0:41')]));
    transport.push('standings:delta', {
      categoryId: 'maze',
      version: 6,
      changed: [row('b', 1, '0:38')],
    });
    await flush();
    expect(transport.requests.map((request) => request.event)).toEqual(['join', 'resync']);
    expect(rowsOf(sut)).toEqual(['b:0:38', 'a:0:41']);
    const current = view(sut);
    expect(current.status === 'live' && current.standings.version).toBe(6);
  });

  it('keeps the last standings while reconnecting and rejoins after', async () => {
    const { transport, sut, serve } = setup();
    transport.connect();
    sut.watchCategories(['maze']);
    await flush();
    transport.disconnect();
    expect(sut.getState().link).toBe('reconnecting');
    expect(rowsOf(sut)).toEqual(['a:0:41', 'b:']);
    serve(snapshotAt(9, [row('a', 1, '0:40')]));
    transport.connect();
    await flush();
    expect(sut.getState().link).toBe('online');
    expect(rowsOf(sut)).toEqual(['a:0:40']);
  });

  it('shows a refusal (an unpublished category)', async () => {
    const { transport, sut } = setup();
    transport.answer = () => ({ ok: false, key: 'errors.forbidden', message: 'Not published' });
    transport.connect();
    sut.watchCategories(['maze']);
    await flush();
    expect(view(sut)).toEqual({
      status: 'refused',
      key: 'errors.forbidden',
      message: 'Not published',
    });
  });

  it('leaves categories it no longer watches and ignores their events', async () => {
    const { transport, sut } = setup();
    transport.connect();
    sut.watchCategories(['maze']);
    await flush();
    sut.watchCategories([]);
    expect(transport.left).toEqual([{ kind: 'category', id: 'maze' }]);
    transport.push('standings:delta', {
      categoryId: 'maze',
      version: 4,
      changed: [row('b', 1, '0:01')],
    });
    expect(rowsOf(sut)).toEqual(['a:0:41', 'b:']);
  });

  it('takes a pushed snapshot only when it is not older', async () => {
    const { transport, sut } = setup();
    transport.connect();
    sut.watchCategories(['maze']);
    await flush();
    transport.push('standings:snapshot', snapshotAt(2, [row('a', 1, 'old')]));
    expect(rowsOf(sut)).toEqual(['a:0:41', 'b:']);
    transport.push('standings:snapshot', snapshotAt(5, [row('a', 1, 'new')]));
    expect(rowsOf(sut)).toEqual(['a:new']);
  });

  it('asks again after a server error instead of showing it as a refusal', async () => {
    jest.useFakeTimers();
    try {
      const { transport, sut } = setup();
      const answer = transport.answer;
      transport.answer = () => ({ ok: false, key: 'errors.internal', message: 'boom' });
      transport.connect();
      sut.watchCategories(['maze']);
      await Promise.resolve();
      await Promise.resolve();
      expect(view(sut).status).toBe('joining');
      transport.answer = answer;
      jest.advanceTimersByTime(2_000);
      await Promise.resolve();
      await Promise.resolve();
      expect(transport.requests.map((request) => request.event)).toEqual(['join', 'resync']);
      expect(rowsOf(sut)).toEqual(['a:0:41', 'b:']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says "not published" when the results are withdrawn, not "no teams"', async () => {
    const { transport, sut } = setup();
    transport.connect();
    sut.watchCategories(['maze']);
    await flush();
    transport.push('standings:snapshot', { ...snapshotAt(5, []), published: false, teams: {} });
    expect(view(sut)).toMatchObject({ status: 'refused', key: 'live.notPublished' });
  });

  it('stops listening when stopped and joins again on a new start', async () => {
    const { transport, sut } = setup();
    transport.connect();
    sut.watchCategories(['maze']);
    await flush();
    sut.stop();
    transport.push('standings:delta', {
      categoryId: 'maze',
      version: 4,
      changed: [row('b', 1, '0:01')],
    });
    expect(rowsOf(sut)).toEqual(['a:0:41', 'b:']);
    sut.start();
    transport.connect();
    await flush();
    expect(transport.requests.map((request) => request.event)).toEqual(['join', 'join']);
  });

  it('follows the stage summary pushed for its stage only', async () => {
    const { transport, sut } = setup();
    transport.answer = (_event, room) => ({ ok: true, room });
    transport.connect();
    sut.watchStage('s1', { stageId: 's1', name: 'Ақмола', status: 'live', categories: [] });
    transport.push('stage:snapshot', {
      stageId: 's2',
      name: 'Other',
      status: 'live',
      categories: [],
    });
    expect(sut.getState().stage?.name).toBe('Ақмола');
    transport.push('stage:snapshot', {
      stageId: 's1',
      name: 'Ақмола облысы',
      status: 'live',
      categories: [],
    });
    expect(sut.getState().stage?.name).toBe('Ақмола облысы');
  });

  it('shows the run on a field again after a Wi-Fi drop, from the stage join', async () => {
    const { transport, sut } = setup();
    const stage = { stageId: 's1', name: 'Ақмола', status: 'live', categories: [] };
    const running = {
      fieldId: 'f1',
      fieldName: 'Лабиринт 1',
      stageId: 's1',
      state: 'running' as const,
      categoryId: 'maze',
      teamName: 'Қыран',
      startedAt: '2026-12-06T09:00:00.000Z',
      serverNow: '2026-12-06T09:00:05.000Z',
    };
    transport.answer = (_event, room) => ({ ok: true, room, stage, runs: [running] });
    sut.watchStage('s1', stage);
    transport.connect();
    await flush();
    expect(sut.getState().runs['f1']).toMatchObject({ state: 'running', teamName: 'Қыран' });

    transport.disconnect();
    transport.connect();
    expect(sut.getState().runs).toEqual({});
    await flush();
    expect(sut.getState().runs['f1']).toMatchObject({ state: 'running', teamName: 'Қыран' });
  });
});

// docs/results-display.md#the-field-clock
describe('LiveStandingsClient and the field clock when the server clock jumps', () => {
  const stage = { stageId: 's1', name: 'Ақмола', status: 'live', categories: [] };
  const run = (startedAt: string, serverNow: string) => ({
    fieldId: 'f1',
    fieldName: 'Лабиринт 1',
    stageId: 's1',
    state: 'running' as const,
    categoryId: 'maze',
    teamName: 'Қыран',
    startedAt,
    serverNow,
  });
  const shownElapsed = (sut: LiveStandingsClient) => {
    const shown = sut.getState().runs['f1'];
    return elapsedMs(shown.startedAt ?? '', shown.offsetMs, Date.now());
  };

  it('keeps the running clock through messages and a reconnection stamped an hour back', async () => {
    const { transport, sut } = setup();
    const started = new Date(Date.now() - 5_000).toISOString();
    transport.answer = (_event, room) => ({
      ok: true,
      room,
      stage,
      runs: [run(started, new Date().toISOString())],
    });
    sut.watchStage('s1', stage);
    transport.connect();
    await flush();
    expect(shownElapsed(sut)).toBeGreaterThanOrEqual(5_000);
    expect(shownElapsed(sut)).toBeLessThan(6_000);

    // The server's wall clock goes back an hour; the same run is sent again, then rejoined.
    const anHourBack = new Date(Date.now() - 3_600_000).toISOString();
    transport.push('run:public', run(started, anHourBack));
    expect(shownElapsed(sut)).toBeGreaterThanOrEqual(5_000);
    transport.answer = (_event, room) => ({
      ok: true,
      room,
      stage,
      runs: [run(started, anHourBack)],
    });
    transport.disconnect();
    transport.connect();
    await flush();
    expect(shownElapsed(sut)).toBeGreaterThanOrEqual(5_000);
    expect(shownElapsed(sut)).toBeLessThan(6_000);

    // The next run is timed by the clock as it is then.
    const anHourBackNow = Date.now() - 3_600_000;
    const nextStart = new Date(anHourBackNow - 2_000).toISOString();
    transport.push('run:public', run(nextStart, new Date(anHourBackNow).toISOString()));
    expect(shownElapsed(sut)).toBeGreaterThanOrEqual(2_000);
    expect(shownElapsed(sut)).toBeLessThan(3_000);
  });
});

// docs/deploy.md#silent-rooms: the public standings and the hall screen hear their rooms' beacons.
describe('LiveStandingsClient and room beacons', () => {
  const EVERY_MS = 15_000;
  const beacon = (version: number | null) => ({
    kind: 'category' as const,
    id: 'maze',
    version,
    everyMs: EVERY_MS,
  });
  const resyncs = (transport: FakeTransport) =>
    transport.requests.filter((request) => request.event === 'resync').length;

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function watching() {
    const context = setup();
    context.transport.connect();
    context.sut.watchCategories(['maze']);
    await jest.advanceTimersByTimeAsync(0);
    return context;
  }

  it('takes the database version when a beacon is ahead and the missed deltas never come', async () => {
    const { transport, sut, serve } = await watching();
    serve(snapshotAt(5, [row('b', 1, '0:38'), row('a', 2, '0:41')]));
    transport.push('room:beacon', beacon(5));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(resyncs(transport)).toBe(1);
    expect(view(sut)).toMatchObject({ status: 'live', standings: { version: 5 } });
    expect(rowsOf(sut)).toEqual(['b:0:38', 'a:0:41']);
  });

  it('asks nothing while the beacons say the version it holds', async () => {
    const { transport } = await watching();
    for (let i = 0; i < 5; i += 1) {
      transport.push('room:beacon', beacon(3));
      await jest.advanceTimersByTimeAsync(EVERY_MS);
    }
    expect(resyncs(transport)).toBe(0);
  });

  it('asks for a snapshot when its room has been silent for three beacons', async () => {
    const { transport } = await watching();
    transport.push('room:beacon', beacon(3));
    await jest.advanceTimersByTimeAsync(3 * EVERY_MS - 1);
    expect(resyncs(transport)).toBe(0);
    // The wait is spread over half a limit more (silenceWaitMs in libs/ui).
    await jest.advanceTimersByTimeAsync(1.5 * EVERY_MS + 1);
    expect(resyncs(transport)).toBe(1);
  });

  it('shows "not published" when a null beacon says the results were withdrawn', async () => {
    const { transport, sut } = await watching();
    transport.answer = () => ({ ok: false, key: 'live.notPublished', message: 'Not published' });
    transport.push('room:beacon', beacon(null));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(view(sut)).toMatchObject({ status: 'refused', key: 'live.notPublished' });
  });
});
