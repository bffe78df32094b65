import type { AwardsState } from '@olympiad/contracts';
import { t, type Lang } from '@olympiad/i18n';
import type { FieldRun, RingClock } from '../live/live-standings-client';
import { cuesBetween, spokenSeconds, type HeardState } from './hall-cues';

const run = (state: FieldRun['state'], extra: Partial<FieldRun> = {}): FieldRun => ({
  fieldId: 'f1',
  fieldName: 'Table 1',
  stageId: 's1',
  state,
  teamId: 't1',
  teamName: 'Қыран',
  attempt: 1,
  serverNow: '2026-12-06T10:00:00.000Z',
  offsetMs: 0,
  ...extra,
});
const awards = (revealedCount: number): AwardsState => ({
  categoryId: 'c1',
  stageId: 's1',
  categoryName: 'Maze',
  podium: 3,
  revealedCount,
  revealed: [],
  active: true,
});
const heard = (change: Partial<HeardState> = {}): HeardState => ({
  runs: {},
  awards: {},
  sumoDecided: {},
  rings: {},
  ...change,
});
const ring = (extra: Partial<RingClock> = {}): RingClock => ({
  stageId: 's1',
  fieldId: 'r1',
  categoryId: 'c2',
  matchId: 'W1-1',
  round: 1,
  state: 'running',
  elapsedMs: 0,
  startsInMs: 5_000,
  roundMs: 180_000,
  at: '2026-12-06T10:00:00.000Z',
  serverNow: '2026-12-06T10:00:00.000Z',
  offsetMs: 0,
  ...extra,
});
const START = '2026-12-06T10:00:01.000Z';

describe('the hall’s sound cues', () => {
  it('says nothing for what was already so when the screen opened', () => {
    expect(
      cuesBetween(null, heard({ runs: { f1: run('running', { startedAt: START }) } })),
    ).toEqual([]);
  });

  it('cues a run’s start once and its finish with the team and the gates’ time to say', () => {
    const armed = heard({ runs: { f1: run('armed') } });
    const running = heard({ runs: { f1: run('running', { startedAt: START }) } });
    const finished = heard({
      runs: { f1: run('finished', { startedAt: START, durationMs: 47_389 }) },
    });
    expect(cuesBetween(armed, running)).toEqual([{ cue: 'run-start' }]);
    expect(cuesBetween(running, running)).toEqual([]);
    expect(cuesBetween(running, finished)).toEqual([
      { cue: 'run-finish', spoken: { team: 'Қыран', ms: 47_389 } },
    ]);
    expect(cuesBetween(finished, finished)).toEqual([]);
  });

  it('cues a sumo match when its first round starts on the ring, not a pause, resume or later round', () => {
    const started = heard({ rings: { r1: ring() } });
    const paused = heard({
      rings: { r1: ring({ state: 'paused', elapsedMs: 20_000, at: '2026-12-06T10:00:25.000Z' }) },
    });
    const resumed = heard({
      rings: { r1: ring({ elapsedMs: 20_000, startsInMs: 0, at: '2026-12-06T10:00:40.000Z' }) },
    });
    const secondRound = heard({
      rings: { r1: ring({ round: 2, at: '2026-12-06T10:01:10.000Z' }) },
    });
    expect(cuesBetween(heard(), started)).toEqual([{ cue: 'match-start' }]);
    expect(cuesBetween(started, started)).toEqual([]);
    expect(cuesBetween(started, paused)).toEqual([]);
    expect(cuesBetween(paused, resumed)).toEqual([]);
    expect(cuesBetween(resumed, secondRound)).toEqual([]);
  });

  it('cues a sumo match under way and decided, and each podium place revealed', () => {
    const before = heard({
      rings: { r1: ring({ matchId: 'W1-0', state: 'ended', round: 2, elapsedMs: 61_000 }) },
      sumoDecided: { c2: 3 },
      awards: { c1: awards(1) },
    });
    const after = heard({
      rings: { r1: ring({ at: '2026-12-06T10:01:00.000Z' }) },
      sumoDecided: { c2: 4 },
      awards: { c1: awards(2) },
    });
    expect(cuesBetween(before, after).map((event) => event.cue)).toEqual([
      'match-start',
      'match-end',
      'reveal',
    ]);
  });

  it('says the seconds in tenths, cut, in each language', () => {
    const say = (lang: Lang, ms: number) =>
      t(lang, 'board.hall.spokenResult', { team: 'Қыран', ...spokenSeconds(ms, lang) });
    expect(say('kk', 47_389)).toBe('Қыран, 47,3 секунд.');
    expect(say('ru', 47_399)).toBe('Қыран, 47,3 секунды.');
    expect(say('ru', 21_000)).toBe('Қыран, 21 секунда.');
    expect(say('en', 1_050)).toBe('Қыран, 1 second.');
  });
});
