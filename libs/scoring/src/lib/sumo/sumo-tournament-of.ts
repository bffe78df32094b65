import type { LedgerRecord, TeamRef } from '../ledger.types';
import { resolveLedger } from '../ledger/resolve-ledger';
import type { SumoRuleSet } from './sumo-rules';
import { sumoTournament, type SumoTournament } from './tournament';

/** The tournament (groups, bracket, live match states) straight from a category's ledger. */
export function sumoTournamentOf(
  ruleSet: SumoRuleSet,
  teams: readonly TeamRef[],
  entries: readonly LedgerRecord[],
): SumoTournament {
  return sumoTournament(ruleSet, teams, resolveLedger(entries).effective);
}
