import {
  type LedgerRecord,
  type LevelMatch,
  type ResolvedMatch,
  type SumoRuleSet,
  type SumoTournament,
  sumoTournamentOf,
  type TeamRef,
  nextSumoMatch,
  sumoMatchesInOrder,
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

/** Every match of the tournament in playing order: group rounds first, then the bracket. */
export const allMatches = sumoMatchesInOrder;

export function playable(match: ResolvedMatch, ruleSet: SumoRuleSet): PlayableMatch | null {
  if (typeof match.a !== 'string' || typeof match.b !== 'string') return null;
  const level: LevelMatch =
    match.stage === 'group' ? ruleSet.params.match.groupMatchTie : 'extension';
  return { ...match, a: match.a, b: match.b, level };
}

/** The first match that still needs the ring: in progress first, then ready ones in order. */
export const nextMatch = nextSumoMatch;
