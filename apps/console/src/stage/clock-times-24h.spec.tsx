import { t } from '@olympiad/i18n';
import { createApiClient, LanguageProvider } from '@olympiad/ui';
import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { DisplaysTab } from '../displays/displays-tab';
import { FieldsTab } from '../fields/fields-tab';
import { TeamsTab } from '../teams/teams-tab';
import type { ConsoleApi } from './console-context';
import { FakeLiveSocket } from '../live-fields/fake-live-socket';

const socket = new FakeLiveSocket((room) => ({
  ok: true,
  room,
  run: { fieldId: room.id, state: 'idle' },
  devices: [
    {
      deviceId: 'gate-1',
      fieldId: room.id,
      online: true,
      fw: '1.0.0',
      boot: 'b',
      battery: 80,
      rssi: -60,
      lastSeenAt: AFTERNOON,
    },
  ],
  unassigned: [],
}));
jest.mock('socket.io-client', () => ({ io: () => socket }));

/** 16:05:09 on the clock of the machine running the test, whatever its zone. */
const AFTERNOON = new Date(2026, 11, 5, 16, 5, 9).toISOString();

function json(status: number, body: unknown): Response {
  return { ok: status < 400, status, text: async () => JSON.stringify(body) } as Response;
}

function stageApi(): ConsoleApi {
  const answers: Record<string, unknown> = {
    '/api/stages/s/teams': [
      {
        id: 't1',
        name: 'Арлан',
        categoryId: 'c1',
        coach: '',
        status: 'active',
        checkedInAt: AFTERNOON,
        members: [{ name: 'Әлихан', grade: 4 }],
        school: { id: 'sc', name: '№21 мектеп' },
      },
    ],
    '/api/stages/s/categories': [
      {
        id: 'c1',
        stageId: 's',
        name: 'Лабиринт 3–4',
        discipline: 'maze',
        ageGroupLabel: '3–4',
        minGrade: 3,
        maxGrade: 4,
        preset: 'maze-default',
        ruleSet: {},
        status: 'running',
        published: false,
      },
    ],
    '/api/stages/s/fields': [
      { id: 'f1', stageId: 's', name: 'Лабиринт үстелі 1', discipline: 'maze' },
    ],
    '/api/stages/s/devices': [{ id: 'gate-1', fieldId: 'f1', label: 'Қақпалар' }],
    '/api/displays': [
      {
        id: 'd1',
        name: 'Зал',
        code: null,
        paired: true,
        config: { stageCode: 'S', mode: 'hall', lang: 'kk+ru', everySeconds: 15 },
        lastSeenAt: AFTERNOON,
        online: false,
      },
    ],
  };
  const fetch = jest.fn(async (url: RequestInfo | URL) => {
    const path = String(url);
    return path in answers
      ? json(200, answers[path])
      : json(404, { statusCode: 404, key: 'errors.notFound', message: path });
  });
  return {
    api: createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch }),
    getToken: () => 't',
  };
}

const inEnglish = (node: ReactElement) =>
  render(<LanguageProvider initial="en">{node}</LanguageProvider>);
const stage = {
  id: 's',
  olympiadId: 'o',
  name: 'Ақтөбе',
  venue: '',
  kind: 'regional' as const,
  regionCode: 'aktobe',
  code: 'S',
  status: 'live' as const,
  startsOn: '2026-12-05',
  endsOn: '2026-12-06',
};

/** Times of day in the console read on a 24-hour clock in every language, English too (never "4:05 PM"). */
describe('console: times of day on a 24-hour clock', () => {
  it('teams: when a team checked in', async () => {
    inEnglish(<TeamsTab console={stageApi()} stageId="s" />);
    expect(
      await screen.findByText(t('en', 'console.teams.checkedIn', { time: '16:05' })),
    ).toBeTruthy();
  });

  it('fields and sensors: when a controller was last heard', async () => {
    inEnglish(<FieldsTab console={stageApi()} stageId="s" />);
    await screen.findByText('Лабиринт үстелі 1');
    socket.fire('connect');
    expect(
      await screen.findByText(
        new RegExp(t('en', 'console.devices.lastSeen', { time: '16:05:09' })),
      ),
    ).toBeTruthy();
  });

  it('screens: since when a display is offline', async () => {
    inEnglish(<DisplaysTab api={stageApi().api} stage={stage} />);
    expect(
      await screen.findByText(new RegExp(t('en', 'console.displays.offline', { time: '16:05' }))),
    ).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\b(AM|PM)\b/);
  });
});
