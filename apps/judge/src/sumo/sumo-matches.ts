import {
  type LedgerRecord,
  type LevelMatch,
  type ResolvedMatch,
  type SumoRuleSet,
  type SumoTournament,
  sumoTournamentOf,
  type TeamRef,
} from '@olympiad/scoring';

export interface PlayableMatch extends ResolvedMatch {
  a: string;
  b: string;
  /** How a level match ends: a draw in group play, else an extension and decision. */
  level: LevelMatch;
}

export function tournamentOf(
  ruleSet: SumoRuleSet,
  teams: readonly TeamRef[],
  records: readonly LedgerRecord[],
): SumoTournament {
  return sumoTournamentOf(ruleSet, teams, records);
}

export function playable(match: ResolvedMatch, ruleSet: SumoRuleSet): PlayableMatch | null {
  if (typeof match.a !== 'string' || typeof match.b !== 'string') return null;
  const level: LevelMatch =
    match.stage === 'group' ? ruleSet.params.match.groupMatchTie : 'extension';
  return { ...match, a: match.a, b: match.b, level };
}
