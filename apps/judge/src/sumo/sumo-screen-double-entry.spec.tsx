import type { Category, JudgeMe, Team } from '@olympiad/contracts';
import {
  DOUBLE_PENDING,
  drawSumo,
  presetRuleSet,
  SUMO_DRAW,
  sumoMatchesInOrder,
  sumoTournamentOf,
  type LedgerRecord,
  type SumoRuleSet,
} from '@olympiad/scoring';
import { type ApiClient, LanguageProvider } from '@olympiad/ui';
import { render, screen } from '@testing-library/react';
import { JudgeProvider } from '../app/judge-context';
import { Outbox } from '../outbox/outbox';
import { memoryOutboxStore } from '../outbox/outbox-store';
import { SumoScreen } from './sumo-screen';

const preset = presetRuleSet('sumo-default') as SumoRuleSet;
const ruleSet: SumoRuleSet = {
  ...preset,
  entry: 'double',
  params: {
    ...preset.params,
    tournament: { ...preset.params.tournament, format: 'round-robin' },
  },
};
const stageId = '00000000-0000-4000-8000-000000000002';
const category: Category = {
  id: '00000000-0000-4000-8000-000000000001',
  stageId,
  discipline: 'sumo',
  name: 'Сумо 5–6',
  ageGroupLabel: '5–6',
  minGrade: 5,
  maxGrade: 6,
  preset: 'sumo-default',
  ruleSet,
  status: 'running',
  published: false,
  lockedAt: null,
  publishedAt: null,
  templateRuleSet: null,
  standingsVersion: 0,
};
const teams: Team[] = ['Алтын', 'Бүркіт', 'Сұңқар'].map((name, i) => ({
  id: `00000000-0000-4000-8000-00000000001${i}`,
  stageId,
  categoryId: category.id,
  schoolId: `00000000-0000-4000-8000-00000000002${i}`,
  name,
  coach: '',
  status: 'active',
  checkedInAt: null,
}));
const me: JudgeMe = {
  role: 'judge',
  judge: { id: 'judge-1', name: 'Асқар', role: 'judge', stageId, stageName: 'R' },
  assignments: { categories: [], fields: [] },
};
const refs = teams.map((team) => ({
  id: team.id,
  name: team.name,
  schoolId: team.schoolId,
  status: team.status,
}));
const draw: LedgerRecord = {
  id: 'draw',
  seq: 1,
  kind: SUMO_DRAW,
  teamId: null,
  payload: drawSumo(ruleSet, refs, 7),
  supersedes: null,
  authorId: 'organiser',
  recordedAt: '2026-12-05T09:00:00Z',
};
const matches = sumoMatchesInOrder(sumoTournamentOf(ruleSet, refs, [draw]));
/** A judge's entry of a match awaiting the second judge, as the tablet's outbox or the server has it. */
const enteredBy = (judgeId: string, matchId: string, seq: number): LedgerRecord => {
  const match = matches.find((m) => m.id === matchId);
  return {
    id: `pending-${matchId}`,
    seq,
    kind: DOUBLE_PENDING,
    teamId: null,
    payload: {
      slot: `sumo.match:${matchId}`,
      state: 'awaiting-second',
      teams: [match?.a, match?.b],
    },
    supersedes: null,
    authorId: judgeId,
    recordedAt: '2026-12-05T10:00:00Z',
  };
};

/** The ring screen offline (no ring call): the tablet picks from its own copy of the draw. */
function renderScreen(records: LedgerRecord[]) {
  const api = { call: async () => ({}), delete: async () => ({}) } as unknown as ApiClient;
  render(
    <LanguageProvider initial="en">
      <JudgeProvider
        value={{
          api,
          me,
          token: () => 'token',
          outbox: new Outbox(memoryOutboxStore(), api, me.judge.id),
          online: false,
        }}
      >
        <SumoScreen
          state={{
            data: { category, teams, ledger: [], loadedAt: new Date().toISOString() },
            error: null,
            loading: false,
            records,
            waiting: new Set(),
            reload: () => undefined,
          }}
        />
      </JudgeProvider>
    </LanguageProvider>,
  );
}

describe('the sumo ring of a double-entry category', () => {
  it('offers a judge the next match once they have entered one, not the same match again', async () => {
    const [first, second] = matches;
    renderScreen([draw, enteredBy(me.judge.id, first.id, 2)]);
    expect(
      (await screen.findByRole('heading', { level: 3, name: new RegExp(`Match ${second.id}`) }))
        .textContent,
    ).toContain(second.id);
    expect(
      screen.queryByRole('heading', { level: 3, name: new RegExp(`Match ${first.id} `) }),
    ).toBeNull();
  });

  it('still offers the other judge a match the first judge has entered', async () => {
    const [first] = matches;
    renderScreen([draw, enteredBy('judge-2', first.id, 2)]);
    expect(
      await screen.findByRole('heading', { level: 3, name: new RegExp(`Match ${first.id} `) }),
    ).toBeTruthy();
  });

  it('says the judge waits for the second judge when they have entered every match left', async () => {
    renderScreen([draw, ...matches.map((m, i) => enteredBy(me.judge.id, m.id, i + 2))]);
    expect(
      await screen.findByText(
        `Match ${matches[0].id} entered: waiting for the second judge. It counts once both entries agree.`,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm the match' })).toBeNull();
  });
});
