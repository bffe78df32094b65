import type { Category, JudgeMe, LedgerEntryInput, Team } from '@olympiad/contracts';
import { presetRuleSet, type ProgrammingRuleSet } from '@olympiad/scoring';
import { type ApiClient, LanguageProvider } from '@olympiad/ui';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { JudgeProvider } from '../app/judge-context';
import { Outbox } from '../outbox/outbox';
import { memoryOutboxStore } from '../outbox/outbox-store';
import { ProgrammingScreen } from './programming-screen';

const base = presetRuleSet('programming-default') as ProgrammingRuleSet;
/** IOI with test groups and contest time: points are the groups passed, each with its time. */
const ruleSet: ProgrammingRuleSet = {
  ...base,
  params: {
    ...base.params,
    credit: 'per-group',
    submissionTime: 'contest-time',
    tasks: [
      {
        id: 'A',
        title: 'Лабиринт',
        maxPoints: 100,
        groups: [
          { id: '1', points: 30 },
          { id: '2', points: 70 },
        ],
      },
    ],
  },
};
const category: Category = {
  id: '00000000-0000-4000-8000-000000000001',
  stageId: '00000000-0000-4000-8000-000000000002',
  discipline: 'programming',
  name: 'Python 9–11',
  ageGroupLabel: '9–11',
  minGrade: 9,
  maxGrade: 11,
  preset: 'programming-default',
  ruleSet,
  status: 'running',
  published: false,
  lockedAt: null,
  publishedAt: null,
  templateRuleSet: null,
  standingsVersion: 0,
};
const team: Team = {
  id: '00000000-0000-4000-8000-000000000003',
  stageId: category.stageId,
  categoryId: category.id,
  schoolId: '00000000-0000-4000-8000-000000000004',
  name: 'Кодтар',
  coach: '',
  status: 'active',
  checkedInAt: null,
};
const me: JudgeMe = {
  role: 'judge',
  judge: { id: 'judge-1', name: 'Асқар', role: 'judge', stageId: category.stageId, stageName: 'R' },
  assignments: { categories: [], fields: [] },
};

/** The screen for `rules` on a tablet whose server stores what the outbox sends (into `sent`). */
function renderScreen(rules: ProgrammingRuleSet, sent: LedgerEntryInput[]) {
  const api = {
    call: async (_route: unknown, input: { body?: unknown }) => {
      sent.push(input.body as LedgerEntryInput);
      return {};
    },
    delete: async () => ({}),
  } as unknown as ApiClient;
  const outbox = new Outbox(memoryOutboxStore(), api, me.judge.id);
  render(
    <LanguageProvider initial="en">
      <JudgeProvider value={{ api, me, token: () => 'token', outbox, online: true }}>
        <ProgrammingScreen
          state={{
            data: {
              category: { ...category, ruleSet: rules },
              teams: [team],
              ledger: [],
              loadedAt: new Date().toISOString(),
            },
            error: null,
            loading: false,
            records: [],
            waiting: new Set(),
            reload: () => undefined,
          }}
        />
      </JudgeProvider>
    </LanguageProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: /Кодтар/ }));
}

describe('programming screen with test groups', () => {
  it('records the groups passed, their points and the contest time', async () => {
    const sent: LedgerEntryInput[] = [];
    renderScreen(ruleSet, sent);
    fireEvent.click(screen.getByRole('button', { name: 'group 2 · 70' }));
    expect(screen.getByTestId('programming-total').textContent).toBe('70');
    fireEvent.change(screen.getByLabelText('Лабиринт: contest time'), {
      target: { value: '1:02:03' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].payload).toEqual({ task: 'A', points: 70, groups: ['2'], timeMs: 3_723_000 });
  });
});

describe('programming screen under ICPC rules', () => {
  it('records the wrong tries, then the accepted submission, at the contest time given', async () => {
    const sent: LedgerEntryInput[] = [];
    renderScreen(presetRuleSet('programming-icpc') as ProgrammingRuleSet, sent);
    fireEvent.click(
      screen.getByRole('group', { name: 'Task B: solved or not' }).querySelector('button')!,
    );
    fireEvent.change(screen.getByLabelText('Task B: contest time'), {
      target: { value: '47:10' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'One wrong try more' }));
    fireEvent.click(screen.getByRole('button', { name: 'One wrong try more' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent.map((entry) => entry.payload)).toEqual([
      { task: 'B', points: 0, groups: null, timeMs: 2_830_000 },
      { task: 'B', points: 0, groups: null, timeMs: 2_830_000 },
      { task: 'B', points: 100, groups: null, timeMs: 2_830_000 },
    ]);
  });
});
