import type { LedgerRecord, Standings, TeamRef } from '../ledger.types';
import { resolveLedger } from '../ledger/resolve-ledger';
import type { RuleSet } from '../rule-set/rule-set';
import { assembleStandings } from './assemble-standings';
import type { EffectiveEntry, EntryWarning } from './discipline-engine';
import { engineFor } from './engines';
import { indexTeams } from './team-index';
import { teamSlot } from './team-slot';

export function unknownTeamWarning(entry: EffectiveEntry): EntryWarning {
  return {
    entryId: entry.record.id,
    key: 'scoring.ledger.unknownTeam',
    message: `team ${String(entry.record.teamId)} is not in this category; ignored`,
  };
}

/** Standings from the stored rule set and the whole ledger of a category: one row per team. */
export function computeStandings(
  ruleSet: RuleSet,
  teams: readonly TeamRef[],
  entries: readonly LedgerRecord[],
): Standings {
  const engine = engineFor(ruleSet);
  const index = indexTeams(teams);
  const { effective, warnings } = resolveLedger(entries);
  const byTeam: EffectiveEntry[][] = index.teams.map(() => []);
  const categoryEntries: EffectiveEntry[] = [];
  const ledgerWarnings: EntryWarning[] = [...warnings];
  for (const entry of effective) {
    const teamId = entry.record.teamId;
    if (teamId === null) {
      categoryEntries.push(entry);
      continue;
    }
    const teamIdx = index.position.get(teamId);
    if (teamIdx === undefined) ledgerWarnings.push(unknownTeamWarning(entry));
    else byTeam[teamIdx].push(entry);
  }
  const slots = byTeam.map((teamEntries) => teamSlot(engine, ruleSet, teamEntries));
  const categoryScore =
    engine.scopeOf(ruleSet) === 'category'
      ? engine.scoreCategory(ruleSet, index.teams, effective)
      : null;
  return assembleStandings({
    ruleSet,
    engine,
    index,
    slots,
    categoryEntries,
    categoryScore,
    warnings: ledgerWarnings,
  });
}
