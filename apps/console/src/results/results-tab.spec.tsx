import type { Category, StandingsSnapshot } from '@olympiad/contracts';
import { presetRuleSet } from '@olympiad/scoring';
import { createApiClient, LanguageProvider } from '@olympiad/ui';
import { render, screen, waitFor } from '@testing-library/react';
import { StaffReachContext } from '../session/staff-reach-context';
import type { ConsoleApi } from '../stage/console-context';
import { ResultsTab } from './results-tab';

const mazeDefault = presetRuleSet('maze-default');
if (!mazeDefault) throw new Error('libs/scoring has no maze-default preset');

const category = (id: string, name: string): Category => ({
  id,
  stageId: 's',
  name,
  discipline: 'maze',
  ageGroupLabel: '3–4',
  minGrade: 3,
  maxGrade: 4,
  preset: 'maze-default',
  ruleSet: mazeDefault,
  status: 'running',
  published: false,
  lockedAt: null,
  publishedAt: null,
  templateRuleSet: null,
  standingsVersion: 0,
});
const notScored = (teamId: string) => ({
  teamId,
  place: null,
  status: 'not-scored' as const,
  primary: null,
  display: '',
  detail: {},
});
const ranked = (teamId: string, place: number, ms: number) => ({
  teamId,
  place,
  status: 'ranked' as const,
  primary: ms,
  display: '',
  detail: {},
});
const snapshot = (
  categoryId: string,
  rows: StandingsSnapshot['standings']['rows'],
): StandingsSnapshot => ({
  categoryId,
  version: 1,
  published: false,
  standings: { rows },
  teams: Object.fromEntries(
    rows.map((row) => [row.teamId, { name: `Команда ${row.teamId}`, school: '№21 мектеп' }]),
  ),
});

function json(status: number, body: unknown): Response {
  return { ok: status < 400, status, text: async () => JSON.stringify(body) } as Response;
}

/** The stage's categories and each one's standings, as GET /api/... answers them. */
function stageApi(
  categories: Category[],
  standings: Record<string, StandingsSnapshot>,
): ConsoleApi {
  const fetch = jest.fn(async (url: RequestInfo | URL) => {
    const path = String(url);
    if (path === '/api/stages/s/categories') return json(200, categories);
    const match = /^\/api\/categories\/([^/]+)\/standings$/.exec(path);
    if (match && standings[match[1]]) return json(200, standings[match[1]]);
    return json(404, { statusCode: 404, key: 'errors.notFound', message: path });
  });
  return {
    api: createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch }),
    getToken: () => 't',
  };
}

describe('results tab: which category it opens on', () => {
  it('opens on the first category that has a result, not on an empty one', async () => {
    const consoleApi = stageApi(
      [category('a', 'Лабиринт 3–4'), category('b', 'Лабиринт 5–6'), category('c', 'Сумо 5–6')],
      {
        a: snapshot('a', [notScored('1'), notScored('2')]),
        b: snapshot('b', [ranked('3', 1, 47_381), notScored('4')]),
        c: snapshot('c', [ranked('5', 1, 100)]),
      },
    );
    render(
      <LanguageProvider initial="ru">
        <ResultsTab console={consoleApi} stageId="s" />
      </LanguageProvider>,
    );
    await screen.findByRole('heading', { name: 'Лабиринт 5–6' });
    expect((screen.getByLabelText('Категория') as HTMLSelectElement).value).toBe('b');
    await screen.findByText('Команда 3');
    expect(
      screen.queryByText(
        'Ни в одной категории пока нет результатов. Они появятся здесь, когда судьи начнут их записывать.',
      ),
    ).toBeNull();
  });

  it('says plainly that no category has a result yet, and shows the first', async () => {
    const consoleApi = stageApi([category('a', 'Лабиринт 3–4'), category('b', 'Лабиринт 5–6')], {
      a: snapshot('a', [notScored('1')]),
      b: snapshot('b', [notScored('2'), { ...notScored('3'), status: 'absent' }]),
    });
    render(
      <LanguageProvider initial="kk">
        <ResultsTab console={consoleApi} stageId="s" />
      </LanguageProvider>,
    );
    await screen.findByText(
      'Әзірге бірде-бір санатта нәтиже жоқ. Төрешілер жаза бастағанда, нәтижелер осында шығады.',
    );
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Лабиринт 3–4' })).toBeTruthy());
  });
});

describe('results tab: double entry', () => {
  it('says which teams await a second entry or are in review', async () => {
    const consoleApi = stageApi([category('a', 'Лабиринт 3–4')], {
      a: snapshot('a', [
        { ...ranked('1', 1, 47_381), review: 'awaiting-second' },
        { ...notScored('2'), review: 'in-review' },
        notScored('3'),
      ]),
    });
    render(
      <LanguageProvider initial="ru">
        <ResultsTab console={consoleApi} stageId="s" />
      </LanguageProvider>,
    );
    await screen.findByText('Команда 1');
    expect(screen.getByText(/Ждёт второго ввода/)).toBeTruthy();
    expect(screen.getByText(/На проверке/)).toBeTruthy();
    expect(document.querySelectorAll('[data-review]')).toHaveLength(2);
  });

  it('says which team has a gate time awaiting the judge, and the time', async () => {
    const consoleApi = stageApi([category('a', 'Лабиринт 3–4')], {
      a: snapshot('a', [
        ranked('1', 1, 47_381),
        {
          ...notScored('2'),
          unconfirmed: { primary: 107_981, display: '1:47.981', timePrecision: 'ms' },
        },
      ]),
    });
    render(
      <LanguageProvider initial="ru">
        <ResultsTab console={consoleApi} stageId="s" />
      </LanguageProvider>,
    );
    await screen.findByText('Команда 2');
    const waiting = document.querySelector('[data-unconfirmed]');
    expect(waiting?.textContent).toMatch(/Предварительно 1:47\.98/);
    expect(waiting?.textContent).toContain('ждёт подтверждения судьи');
  });
});

describe('results tab: an observer', () => {
  it('downloads the protocol but is not offered diplomas, whose printing issues check codes', async () => {
    const consoleApi = stageApi([category('a', 'Лабиринт 3–4')], {
      a: snapshot('a', [ranked('1', 1, 47_381)]),
    });
    render(
      <StaffReachContext.Provider value={{ staffRole: 'observer', stageIds: [] }}>
        <LanguageProvider initial="ru">
          <ResultsTab console={consoleApi} stageId="s" />
        </LanguageProvider>
      </StaffReachContext.Provider>,
    );
    await screen.findByText('Команда 1');
    // The write zone's disabled fieldset disables the button for the browser and screen readers.
    expect(
      screen.getByRole('button', { name: 'Дипломы (PDF)' }).closest('fieldset[disabled]'),
    ).not.toBeNull();
    expect(screen.getByRole('button', { name: /Протокол/ }).closest('fieldset')).toBeNull();
  });
});
