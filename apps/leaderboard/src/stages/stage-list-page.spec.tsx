import type { PublicStageSummary, PublicStageSync } from '@olympiad/contracts';
import { formatClockTime, formatDate, formatDateTime, type Lang } from '@olympiad/i18n';
import { LanguageProvider } from '@olympiad/ui';
import { act, render, screen, within } from '@testing-library/react';
import { StageListPage } from './stage-list-page';

const MINUTE = 60_000;
const olympiad = { id: 'oly-26', name: 'Робототехника 2026', season: '2026' };

function regional(code: string, name: string, sync: PublicStageSync | null): PublicStageSummary {
  return {
    code,
    name,
    kind: 'regional',
    regionCode: null,
    status: 'live',
    startsOn: '2026-12-05',
    endsOn: '2026-12-06',
    olympiad,
    qualifiers: 0,
    sync,
  };
}

/** Four regional stages as the republic server lists them, their times relative to `now`. */
function nationalView(now: number): PublicStageSummary[] {
  const ago = (minutes: number) => new Date(now - minutes * MINUTE).toISOString();
  return [
    regional('AKT-R', 'Aktobe', { linked: false, resultsAsOf: null, lastContactAt: null }),
    regional('KOS-R', 'Kostanay', { linked: true, resultsAsOf: ago(1), lastContactAt: ago(0.5) }),
    regional('PAV-R', 'Pavlodar', {
      linked: true,
      resultsAsOf: ago(12.5),
      lastContactAt: ago(12.5),
    }),
    regional('ALM-R', 'Almaty', null),
  ];
}

function json(body: unknown): Response {
  return { ok: true, status: 200, text: async () => JSON.stringify(body) } as Response;
}

function renderList(lang: Lang, stages: (now: number) => PublicStageSummary[]) {
  const fetch = jest.fn(async () => json(stages(Date.now())));
  render(
    <LanguageProvider initial={lang}>
      <StageListPage fetch={fetch as unknown as typeof globalThis.fetch} />
    </LanguageProvider>,
  );
  return fetch;
}

/** The card of the stage named `name`. */
async function card(name: string) {
  const heading = await screen.findByRole('heading', { name });
  return within(heading.closest('li') as HTMLElement);
}

describe('national view: the state of each regional stage', () => {
  // Midday, so "a minute ago" and "12.5 minutes ago" are today wherever the suite runs.
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-05T09:10:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('says which stage is not linked, which is fresh, which is quiet, and nothing extra for one run here', async () => {
    const now = Date.now();
    renderList('en', () => nationalView(now));
    const stages = nationalView(now);

    const aktobe = await card('Aktobe');
    expect(aktobe.getByText('Not yet linked')).toBeTruthy();
    expect(aktobe.queryByText(/Results as of/)).toBeNull();
    // The stage's days as a reader writes them, not as they are stored.
    expect(aktobe.getByText('5–6 December 2026')).toBeTruthy();

    const kostanay = await card('Kostanay');
    expect(kostanay.getByText('Under way')).toBeTruthy();
    const asOf = formatClockTime(stages[1].sync?.resultsAsOf as string, 'en');
    expect(kostanay.getByText(`Results as of ${asOf}`)).toBeTruthy();
    expect(kostanay.queryByText(/No news/)).toBeNull();

    const pavlodar = await card('Pavlodar');
    expect(pavlodar.getByText('No news for 12 minutes')).toBeTruthy();
    expect(pavlodar.queryByText('Under way')).toBeNull();
    expect(pavlodar.getByText(/^Results as of \d\d:\d\d$/)).toBeTruthy();

    const almaty = await card('Almaty');
    expect(almaty.getByText('Under way')).toBeTruthy();
    expect(almaty.queryByText(/Results as of|Not yet linked|No news/)).toBeNull();
  });

  it.each([
    ['ru', 'Нет связи 12 минут', 'Ещё не подключён'],
    ['kk', '12 минут бойы хабар жоқ', 'Әлі қосылмаған'],
  ] as const)(
    'says it in %s, the minutes in the plural form they need',
    async (lang, quiet, off) => {
      const now = Date.now();
      renderList(lang, () => nationalView(now));
      expect((await card('Pavlodar')).getByText(quiet)).toBeTruthy();
      expect((await card('Aktobe')).getByText(off)).toBeTruthy();
    },
  );

  it('says since when a live stage has been silent once it is more than an hour', async () => {
    const now = Date.now();
    const contact = new Date(now - 90 * MINUTE).toISOString();
    renderList('en', () => [
      regional('PAV-R', 'Pavlodar', { linked: true, resultsAsOf: contact, lastContactAt: contact }),
    ]);
    const time =
      formatDate(contact, 'en') === formatDate(now, 'en')
        ? formatClockTime(contact, 'en')
        : formatDateTime(contact, 'en');
    expect((await card('Pavlodar')).getByText(`No news since ${time}`)).toBeTruthy();
  });

  it('writes the date too when the last results are not from today, and nothing quiet for a closed stage', async () => {
    const now = Date.now();
    const yesterday = new Date(now - 26 * 60 * MINUTE).toISOString();
    renderList('kk', () => [
      {
        ...regional('PAV-R', 'Pavlodar', {
          linked: true,
          resultsAsOf: yesterday,
          lastContactAt: yesterday,
        }),
        status: 'closed',
      },
    ]);
    const pavlodar = await card('Pavlodar');
    expect(pavlodar.getByText('Аяқталды')).toBeTruthy();
    expect(
      pavlodar.getByText(`Нәтижелер ${formatDateTime(yesterday, 'kk')} жағдай бойынша`),
    ).toBeTruthy();
  });

  it('fetches the list again every half minute, so "results as of" moves without a reload', async () => {
    let asOf = '2026-12-05T09:09:00.000Z';
    const fetch = renderList('en', () => [
      regional('KOS-R', 'Kostanay', { linked: true, resultsAsOf: asOf, lastContactAt: asOf }),
    ]);
    const kostanay = await card('Kostanay');
    expect(kostanay.getByText(/Results as of/).textContent).toContain(formatClockTime(asOf, 'en'));

    asOf = '2026-12-05T09:10:25.000Z';
    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await card('Kostanay')).getByText(/Results as of/).textContent).toContain(
      formatClockTime(asOf, 'en'),
    );
  });
});
