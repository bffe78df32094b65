import type { StandingRow } from '@olympiad/scoring';
import type { FieldRun } from '../live/live-standings-client';
import { lowerThirdPhase, nextShownRun } from './last-field-run';

const run = (state: FieldRun['state'], extra: Partial<FieldRun> = {}): FieldRun => ({
  fieldId: 'f1',
  fieldName: 'Table 1',
  stageId: 's1',
  state,
  categoryId: 'c1',
  teamId: 't1',
  teamName: 'Қыран',
  attempt: 1,
  serverNow: '2026-12-06T10:00:00.000Z',
  offsetMs: 0,
  ...extra,
});
const row = (unconfirmed: boolean): StandingRow =>
  ({
    teamId: 't1',
    place: unconfirmed ? null : 2,
    status: unconfirmed ? 'not-scored' : 'ranked',
    primary: unconfirmed ? null : 47_389,
    display: unconfirmed ? '' : '0:47.389',
    ...(unconfirmed
      ? { unconfirmed: { primary: 47_389, display: '0:47.389', timePrecision: 'ms' } }
      : {}),
  }) as unknown as StandingRow;

describe('the lower third’s run', () => {
  it('is provisional from the finish until the team’s row no longer awaits the judge', () => {
    const finished = run('finished', { durationMs: 47_389 });
    let shown = nextShownRun(null, finished, undefined);
    expect(shown && lowerThirdPhase(shown, undefined)).toBe('provisional');
    // The standings had the gates' time as awaiting the judge…
    shown = nextShownRun(shown, finished, row(true));
    expect(shown && lowerThirdPhase(shown, row(true))).toBe('provisional');
    // …and the judge confirmed it.
    shown = nextShownRun(shown, finished, row(false));
    expect(shown && lowerThirdPhase(shown, row(false))).toBe('confirmed');
  });

  it('does not take an earlier confirmed result for this run’s confirmation', () => {
    const shown = nextShownRun(null, run('finished', { durationMs: 50_000 }), row(false));
    expect(shown && lowerThirdPhase(shown, row(false))).toBe('provisional');
  });

  it('stays on air when the field is freed, confirmed, until the next team', () => {
    const finished = nextShownRun(null, run('finished', { durationMs: 47_389 }), row(true));
    const freed = nextShownRun(finished, undefined, row(false));
    expect(freed?.run.teamName).toBe('Қыран');
    expect(freed && lowerThirdPhase(freed, row(false))).toBe('confirmed');
    const next = nextShownRun(freed, run('armed', { teamId: 't2', teamName: 'Барыс' }), undefined);
    expect(next?.run.teamName).toBe('Барыс');
    expect(next && lowerThirdPhase(next, undefined)).toBe('armed');
  });
});
