import type { Category, JudgeMe, LedgerEntryInput } from '@olympiad/contracts';
import { type MazeRuleSet, presetRuleSet } from '@olympiad/scoring';
import { type ApiClient, LanguageProvider } from '@olympiad/ui';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { JudgeProvider } from '../app/judge-context';
import { Outbox } from '../outbox/outbox';
import { memoryOutboxStore } from '../outbox/outbox-store';
import { MazeAttemptForm } from './maze-attempt-form';

const ruleSet = presetRuleSet('maze-default') as MazeRuleSet;
const category: Category = {
  id: '00000000-0000-4000-8000-000000000001',
  stageId: '00000000-0000-4000-8000-000000000002',
  discipline: 'maze',
  name: 'Maze 3–4',
  ageGroupLabel: '3–4',
  minGrade: 3,
  maxGrade: 4,
  preset: 'maze-default',
  ruleSet,
  status: 'running',
  published: false,
  lockedAt: null,
  publishedAt: null,
  templateRuleSet: null,
  standingsVersion: 0,
};
const me: JudgeMe = {
  role: 'judge',
  judge: {
    id: 'judge-1',
    name: 'Асқар',
    role: 'judge',
    stageId: category.stageId,
    stageName: 'Region',
  },
  assignments: { categories: [], fields: [] },
};
const PROVISIONAL = '00000000-0000-4000-8000-0000000000aa';

/** The form on a tablet whose server stores what the outbox sends; resolves with the sent entry. */
async function confirmForm(
  sensorMs: number,
  edit: () => void = () => undefined,
): Promise<LedgerEntryInput> {
  const sent = await new Promise<LedgerEntryInput>((resolve) => {
    const api = {
      call: async (_route: unknown, input: { body?: unknown }) => {
        resolve(input.body as LedgerEntryInput);
        return {};
      },
      delete: async () => ({}),
    } as unknown as ApiClient;
    const outbox = new Outbox(memoryOutboxStore(), api, me.judge.id);
    render(
      <LanguageProvider initial="en">
        <JudgeProvider value={{ api, me, token: () => 'token', outbox, online: true }}>
          <MazeAttemptForm
            category={category}
            ruleSet={ruleSet}
            teamId="00000000-0000-4000-8000-000000000003"
            teamName="Қыран"
            attempt={1}
            sensorMs={sensorMs}
            fieldId={null}
            provisionalEntryId={PROVISIONAL}
            onConfirmed={() => undefined}
          />
        </JudgeProvider>
      </LanguageProvider>,
    );
    edit();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm attempt' }));
  });
  // Confirmed once: the form stays as saved.
  await waitFor(() =>
    expect(
      (screen.getByRole('button', { name: 'Confirm attempt' }) as HTMLButtonElement).disabled,
    ).toBe(true),
  );
  return sent;
}

describe('maze attempt form over a provisional sensor time', () => {
  it('confirms the gates time unchanged as the judge confirming the sensor time', async () => {
    const sent = await confirmForm(62_351);
    expect(sent).toMatchObject({
      supersedes: PROVISIONAL,
      reason: 'Field judge confirmed the sensor time',
      payload: { outcome: 'finished', timeMs: 62_351, touches: 0, timing: 'sensor' },
    });
  });

  it('records a touch added to the gates time as a correction', async () => {
    const sent = await confirmForm(62_351, () =>
      fireEvent.click(screen.getByRole('button', { name: 'One touch more' })),
    );
    expect(sent.payload).toMatchObject({ touches: 1, timeMs: 62_351 });
    expect(sent).toMatchObject({
      supersedes: PROVISIONAL,
      reason: 'Field judge: touches, checkpoints or outcome added to the sensor time',
    });
  });
});
