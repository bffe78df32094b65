import { Injectable } from '@nestjs/common';
import { drawSumo, SUMO_DRAW, sumoTournamentOf, type SumoRuleSet } from '@olympiad/scoring';
import { randomInt, randomUUID } from 'node:crypto';
import { AuditRecorder } from '../audit/audit-recorder';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { invalid, notFound } from '../common/api-error';
import { LedgerQuery } from '../ledger/ledger.query';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { CategoryTeams } from '../standings/category-teams';
import { toLedgerRecord } from '../standings/standings.service';

/**
 * The organiser's sumo draw: made by the rules (drawSumo: groups or bracket, separating teams of
 * one school), stored as a `sumo.draw` ledger entry through the one use case that writes scores,
 * so the bracket and every final place follow from the ledger alone.
 */
@Injectable()
export class SumoDrawService {
  constructor(
    private readonly record: RecordEntryUseCase,
    private readonly categories: CategoriesQuery,
    private readonly ledger: LedgerQuery,
    private readonly teams: CategoryTeams,
    private readonly audit: AuditRecorder,
  ) {}

  async draw(categoryId: string, seed: number | undefined, actor: Actor) {
    const category = await this.sumoCategory(categoryId, actor);
    const teams = await this.teams.refs(categoryId);
    if (teams.filter((team) => team.status === 'active').length < 2) {
      throw invalid(
        'A draw needs at least two active teams',
        [{ path: 'teams', key: 'sumoDraw.tooFewTeams', message: 'fewer than two active teams' }],
        'sumoDraw.tooFewTeams',
      );
    }
    const payload = drawSumo(
      category.ruleSet as SumoRuleSet,
      teams,
      seed ?? randomInt(1, 2 ** 31 - 1),
    );
    const previous = await this.ledger.latestOfKind(categoryId, SUMO_DRAW);
    const entryId = randomUUID();
    const drawn = (id: string, seed: unknown) => ({ ledgerEntryId: id, seed: seed ?? null });
    await this.record.execute(
      {
        id: entryId,
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
      // On the audit record too (docs/audit.md), in the ledger entry's transaction.
      (manager) =>
        this.audit.record(
          {
            actor,
            stageId: category.stageId,
            object: { kind: 'category', id: categoryId, name: category.name },
            action: 'sumo.draw',
            before: previous ? drawn(previous.id, previous.payload['seed']) : null,
            after: {
              ...drawn(entryId, payload.seed),
              groups: payload.groups.length,
              bracket: payload.bracket.length,
            },
          },
          manager,
        ),
    );
    return this.bracket(categoryId, actor);
  }

  /** Groups, bracket and match states as the ledger has them, with team names for printing. */
  async bracket(categoryId: string, actor: Actor) {
    const category = await this.sumoCategory(categoryId, actor);
    const teams = await this.teams.refs(categoryId);
    const entries = await this.ledger.entriesOfCategory(categoryId);
    const tournament = sumoTournamentOf(
      category.ruleSet as SumoRuleSet,
      teams,
      entries.map(toLedgerRecord),
    );
    return {
      categoryId,
      categoryName: category.name,
      tournament,
      teams: await this.teams.labels(categoryId),
    };
  }

  private async sumoCategory(categoryId: string, actor: Actor): Promise<CategoryRow> {
    const category = await this.categories.categoryById(categoryId);
    if (!category) throw notFound('Category', categoryId);
    assertStageAccess(actor, category.stageId);
    if (category.discipline !== 'sumo') {
      throw invalid(
        'Only a sumo category has a draw',
        [{ path: 'categoryId', key: 'sumoDraw.notSumo', message: 'not a sumo category' }],
        'sumoDraw.notSumo',
      );
    }
    return category;
  }
}
