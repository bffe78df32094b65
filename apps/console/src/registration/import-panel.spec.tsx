import type { RegistrationCommitJob, RegistrationPreview } from '@olympiad/contracts';
import { createApiClient, LanguageProvider } from '@olympiad/ui';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { uploadWithProgress } from '../transfer/file-transfer';
import { ImportPanel } from './import-panel';

jest.mock('../transfer/file-transfer', () => ({ uploadWithProgress: jest.fn() }));
const upload = uploadWithProgress as jest.MockedFunction<typeof uploadWithProgress>;

const preview: RegistrationPreview = {
  fileName: 'teams.csv',
  fileHash: 'a'.repeat(64),
  format: 'csv',
  columns: [],
  missingFields: [],
  rows: [],
  problems: [],
  summary: { rows: 2000, valid: 2000, invalid: 0, warnings: 0, newSchools: 173 },
};
const job = (patch: Partial<RegistrationCommitJob>): RegistrationCommitJob => ({
  id: 'job-1',
  stageId: 's',
  state: 'running',
  phase: 'checking',
  teamsWritten: 0,
  teamsTotal: 0,
  percent: 0,
  result: null,
  error: null,
  ...patch,
});

function consoleWith(jobs: RegistrationCommitJob[]) {
  const polled: string[] = [];
  const fetch = jest.fn(async (url: RequestInfo | URL) => {
    polled.push(String(url));
    const next = jobs.length > 1 ? jobs.shift() : jobs[0];
    return { ok: true, status: 200, text: async () => JSON.stringify(next) } as Response;
  });
  return { console: { api: createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch }), getToken: () => 't' }, polled };
}

async function previewAndConfirm(onImported = jest.fn()) {
  const file = new File(['team;school'], 'teams.csv', { type: 'text/csv' });
  fireEvent.change(document.querySelector('input[type=file]') as HTMLInputElement, { target: { files: [file] } });
  fireEvent.click(await screen.findByRole('button', { name: 'Import 2000 teams' }));
  return onImported;
}

describe('saving an import', () => {
  beforeEach(() => upload.mockReset());

  it('shows how many teams are written, with a bar that moves forward, until the server is done', async () => {
    upload.mockImplementation(async (url: string) => (url.endsWith('/preview') ? preview : job({})) as never);
    const { console, polled } = consoleWith([
      job({ phase: 'writing', teamsWritten: 500, teamsTotal: 2000, percent: 26 }),
      job({ phase: 'writing', teamsWritten: 1500, teamsTotal: 2000, percent: 69 }),
      job({ phase: 'standings', teamsWritten: 2000, teamsTotal: 2000, percent: 95 }),
      job({ state: 'done', phase: 'done', teamsWritten: 2000, teamsTotal: 2000, percent: 100, result: { teamsCreated: 2000, schoolsCreated: 173, skippedRows: [] } }),
    ]);
    const onImported = jest.fn();
    render(
      <LanguageProvider initial="en">
        <ImportPanel console={console} stageId="s" onImported={onImported} />
      </LanguageProvider>,
    );
    await previewAndConfirm();
    expect(upload.mock.calls[1][0]).toBe('/api/stages/s/registration/commits');

    const seen: number[] = [];
    await waitFor(
      () => {
        const bar = document.querySelector('[role=progressbar]');
        if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')));
        expect(screen.getByText('Imported: 2000 teams, 173 new schools.')).toBeTruthy();
      },
      { timeout: 5000, interval: 20 },
    );
    expect(seen).toEqual(expect.arrayContaining([26, 69, 95]));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(polled.every((url) => url === '/api/stages/s/registration/commits/job-1')).toBe(true);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('says the reason of a failed save and that nothing was saved, and offers the import again', async () => {
    upload.mockImplementation(async (url: string) => (url.endsWith('/preview') ? preview : job({})) as never);
    const { console } = consoleWith([
      job({ phase: 'writing', teamsWritten: 100, teamsTotal: 2000, percent: 9 }),
      job({ state: 'failed', error: { statusCode: 400, key: 'registration.hasErrors', message: 'rows have errors' } }),
    ]);
    render(
      <LanguageProvider initial="en">
        <ImportPanel console={console} stageId="s" onImported={jest.fn()} />
      </LanguageProvider>,
    );
    await previewAndConfirm();
    expect(await screen.findByText(/Nothing from this file was saved\./, undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import 2000 teams' })).toBeTruthy();
  });
});

describe('a preview whose headers lost their Kazakh letters', () => {
  it('names those headers and says how to save the table, beside the columns it could not find', async () => {
    upload.mockReset();
    upload.mockImplementation(
      async () =>
        ({
          ...preview,
          encoding: 'windows-1251',
          missingFields: ['member1'],
          lostLetterHeaders: ['?атысушы 1', 'Жатты?тырушы'],
          summary: { rows: 1, valid: 0, invalid: 0, warnings: 0, newSchools: 0 },
        }) as never,
    );
    const { console } = consoleWith([job({})]);
    render(
      <LanguageProvider initial="ru">
        <ImportPanel console={console} stageId="s" onImported={jest.fn()} />
      </LanguageProvider>,
    );
    const file = new File(['x'], 'teams.csv', { type: 'text/csv' });
    fireEvent.change(document.querySelector('input[type=file]') as HTMLInputElement, {
      target: { files: [file] },
    });
    expect(
      await screen.findByText(/В заголовках столбцов «\?атысушы 1», «Жатты\?тырушы» вместо казахских букв/),
    ).toBeTruthy();
  });
});
