import {
  sumoMatchEndTimes,
  sumoMatchesInOrder,
  sumoRestMs,
  sumoRingCandidates,
  sumoTournamentOf,
  teamsLastMatchEnd,
  type LedgerRecord,
  type RingCandidate,
  type SumoRuleSet,
  type TeamRef,
} from '@olympiad/scoring';
import type { CategoryRow } from '../categories/categories.query';

/** What the ring choice and the estimates need of one sumo category, from its ledger. */
export interface SumoCategorySchedule {
  categoryId: string;
  candidates: RingCandidate[];
  lastMatchEndMs: Map<string, number>;
  /** When each finished match ended, for the pace. */
  finishTimesMs: number[];
  restMs: number;
}

export function sumoCategorySchedule(
  category: CategoryRow,
  teams: readonly TeamRef[],
  records: readonly LedgerRecord[],
): SumoCategorySchedule {
  const ruleSet = category.ruleSet as SumoRuleSet;
  const matches = sumoMatchesInOrder(sumoTournamentOf(ruleSet, teams, records));
  const endTimes = sumoMatchEndTimes(records, matches);
  return {
    categoryId: category.id,
    candidates: sumoRingCandidates(matches),
    lastMatchEndMs: teamsLastMatchEnd(matches, endTimes),
    finishTimesMs: [...endTimes.values()],
    restMs: sumoRestMs(ruleSet.params),
  };
}
