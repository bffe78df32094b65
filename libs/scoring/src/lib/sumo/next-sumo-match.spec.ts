import type { LedgerRecord, TeamRef } from '../ledger.types';
import { presetRuleSet } from '../rule-set/presets';
import { nextSumoMatch } from './next-sumo-match';
import { drawSumo } from './seeding';
import type { SumoRuleSet } from './sumo-rules';
import { sumoTournamentOf } from './sumo-tournament-of';

const teams: TeamRef[] = ['Алпамыс', 'Батыр', 'Жолбарыс', 'Көкжал'].map((name, i) => ({
  id: `t${i + 1}`,
  name,
  schoolId: `s${i % 2}`,
  status: 'active',
}));

function record(seq: number, kind: string, payload: unknown): LedgerRecord {
  return {
    id: `e${seq}`,
    seq,
    kind,
    teamId: null,
    payload,
    supersedes: null,
    authorId: 'j',
    recordedAt: '2026-12-05T09:00:00Z',
  };
}

describe('the next match of a sumo ring', () => {
  const ruleSet = presetRuleSet('sumo-default') as SumoRuleSet;

  it('is none before the draw, the first ready match after it, and the following one once played', () => {
    expect(nextSumoMatch(sumoTournamentOf(ruleSet, teams, []))).toBeNull();
    const draw = record(1, 'sumo.draw', drawSumo(ruleSet, teams, 7));
    const first = nextSumoMatch(sumoTournamentOf(ruleSet, teams, [draw]));
    expect(first).toMatchObject({ status: 'ready' });
    expect(typeof first?.a).toBe('string');

    const played = record(2, 'sumo.match', {
      matchId: first?.id,
      a: first?.a,
      b: first?.b,
      events: [
        { type: 'point', side: 'a' },
        { type: 'point', side: 'a' },
      ],
    });
    const second = nextSumoMatch(sumoTournamentOf(ruleSet, teams, [draw, played]));
    expect(second?.id).not.toBe(first?.id);
  });

  it('keeps a match under way on the ring before any ready one', () => {
    const draw = record(1, 'sumo.draw', drawSumo(ruleSet, teams, 7));
    const first = nextSumoMatch(sumoTournamentOf(ruleSet, teams, [draw]));
    const begun = record(2, 'sumo.match', {
      matchId: first?.id,
      a: first?.a,
      b: first?.b,
      events: [{ type: 'point', side: 'b' }],
    });
    expect(nextSumoMatch(sumoTournamentOf(ruleSet, teams, [draw, begun]))).toMatchObject({
      id: first?.id,
      status: 'in-progress',
    });
  });
});
