import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { drawSumo, SUMO_DRAW, sumoTournamentOf, type SumoRuleSet } from '@olympiad/scoring';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoryEntity } from '../categories/category.entity';
import { invalid, notFound } from '../common/api-error';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { loadTeamRefs } from '../standings/category-teams';
import { toLedgerRecord } from '../standings/standings.service';
import { TeamEntity } from '../teams/team.entity';

/**
 * The organiser's sumo draw: made by the rules (drawSumo: groups or bracket, separating teams of
 * one school), stored as a `sumo.draw` ledger entry through the one use case that writes scores,
 * so the bracket and every final place follow from the ledger alone.
 */
@Injectable()
export class SumoDrawService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly record: RecordEntryUseCase,
  ) {}

  async draw(categoryId: string, seed: number | undefined, actor: Actor) {
    const category = await this.sumoCategory(categoryId, actor);
    const teams = await loadTeamRefs(this.dataSource.manager, categoryId);
    if (teams.filter((team) => team.status === 'active').length < 2) {
      throw invalid('A draw needs at least two active teams', [{ path: 'teams', key: 'sumoDraw.tooFewTeams', message: 'fewer than two active teams' }], 'sumoDraw.tooFewTeams');
    }
    const payload = drawSumo(category.ruleSet as SumoRuleSet, teams, seed ?? randomInt(1, 2 ** 31 - 1));
    const previous = await this.dataSource.manager.findOne(LedgerEntryEntity, { where: { categoryId, kind: SUMO_DRAW }, order: { seq: 'DESC' } });
    await this.record.execute(
      {
        id: randomUUID(),
        categoryId,
        teamId: null,
        kind: SUMO_DRAW,
        payload: { ...payload },
        // A re-draw replaces the draw before it, with the reason kept in the ledger.
        supersedes: previous?.id ?? null,
        reason: previous ? 'Re-draw by the organiser' : null,
        recordedAt: new Date().toISOString(),
        deviceId: null,
      },
      actor,
    );
    return this.bracket(categoryId, actor);
  }

  /** Groups, bracket and match states as the ledger has them, with team names for printing. */
  async bracket(categoryId: string, actor: Actor) {
    const category = await this.sumoCategory(categoryId, actor);
    const manager = this.dataSource.manager;
    const teams = await loadTeamRefs(manager, categoryId);
    const entries = await manager.find(LedgerEntryEntity, { where: { categoryId }, order: { seq: 'ASC' } });
    const tournament = sumoTournamentOf(category.ruleSet as SumoRuleSet, teams, entries.map(toLedgerRecord));
    const details = await manager.find(TeamEntity, { where: { categoryId }, relations: { school: true } });
    return {
      categoryId,
      categoryName: category.name,
      tournament,
      teams: Object.fromEntries(details.map((team) => [team.id, { name: team.name, school: team.school?.name ?? '' }])),
    };
  }

  private async sumoCategory(categoryId: string, actor: Actor): Promise<CategoryEntity> {
    const category = await this.dataSource.manager.findOneBy(CategoryEntity, { id: categoryId });
    if (!category) throw notFound('Category', categoryId);
    assertStageAccess(actor, category.stageId);
    if (category.discipline !== 'sumo') {
      throw invalid('Only a sumo category has a draw', [{ path: 'categoryId', key: 'sumoDraw.notSumo', message: 'not a sumo category' }], 'sumoDraw.notSumo');
    }
    return category;
  }
}
