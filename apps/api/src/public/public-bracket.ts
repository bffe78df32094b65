import type { PublicBracket } from '@olympiad/contracts';
import { sumoTournamentOf, type SumoRuleSet } from '@olympiad/scoring';
import type { EntityManager } from 'typeorm';
import type { CategoryEntity } from '../categories/category.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { loadTeamRefs } from '../standings/category-teams';
import { toLedgerRecord } from '../standings/standings.service';
import { TeamEntity } from '../teams/team.entity';

/** The playoff of a sumo category, replayed from the ledger by the rules, reduced to what a hall screen draws. */
export async function publicBracket(manager: EntityManager, category: CategoryEntity): Promise<PublicBracket> {
  const teams = await loadTeamRefs(manager, category.id);
  const entries = await manager.find(LedgerEntryEntity, { where: { categoryId: category.id }, order: { seq: 'ASC' } });
  const tournament = sumoTournamentOf(category.ruleSet as SumoRuleSet, teams, entries.map(toLedgerRecord));
  const details = await manager.find(TeamEntity, { where: { categoryId: category.id }, relations: { school: true } });
  return {
    categoryId: category.id,
    matches: tournament.bracket
      .filter((match) => match.status !== 'not-needed')
      .map((match) => ({
        id: match.id,
        stage: match.stage,
        round: match.round,
        a: match.a ?? null,
        b: match.b ?? null,
        status: match.status,
        winner: match.outcome?.winner ?? null,
      })),
    teams: Object.fromEntries(details.map((team) => [team.id, { name: team.name, school: team.school?.name ?? '' }])),
  };
}
