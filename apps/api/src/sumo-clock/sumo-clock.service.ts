import { HttpStatus, Injectable } from '@nestjs/common';
import type { SumoClock, SumoClockReport } from '@olympiad/contracts';
import {
  roundClockLengthMs,
  sumoMatchesInOrder,
  sumoTournamentOf,
  type SumoRuleSet,
} from '@olympiad/scoring';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery } from '../categories/categories.query';
import { ApiError, conflict, forbidden, notFound, unknownReference } from '../common/api-error';
import { FieldsQuery } from '../fields/fields.query';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { LedgerQuery } from '../ledger/ledger.query';
import { LiveService } from '../live/live.service';
import { CategoryTeams } from '../standings/category-teams';
import { toLedgerRecord } from '../standings/standings.service';

const PLAYABLE = new Set(['ready', 'in-progress', 'awaiting-decision']);

/**
 * Each ring's match clock as its tablet last reported it, for the overlays and the hall
 * (docs/results-display.md#the-sumo-round-clock). A display hint, not a score: kept in this
 * process only and never written to the ledger; screens drop a state older than its round.
 */
@Injectable()
export class SumoClockService {
  private readonly byRing = new Map<string, SumoClock>();

  constructor(
    private readonly fields: FieldsQuery,
    private readonly categories: CategoriesQuery,
    private readonly assignments: JudgeAssignmentsQuery,
    private readonly categoryTeams: CategoryTeams,
    private readonly ledger: LedgerQuery,
    private readonly live: LiveService,
  ) {
    live.provideSumoClocks((stageId) =>
      [...this.byRing.values()].filter((clock) => clock.stageId === stageId),
    );
  }

  async report(fieldId: string, report: SumoClockReport, actor: Actor): Promise<SumoClock> {
    const field = await this.fields.fieldById(fieldId);
    if (!field) throw notFound('Field', fieldId);
    assertStageAccess(actor, field.stageId);
    if (field.discipline !== 'sumo')
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'errors.validation',
        'This field is not a sumo ring',
      );
    const category = await this.categories.categoryById(report.categoryId);
    if (!category || category.stageId !== field.stageId || category.discipline !== 'sumo')
      throw unknownReference('categoryId', 'sumo category in this stage', report.categoryId);
    if (
      actor.role === 'judge' &&
      !(await this.assignments.isAssigned(actor, { fieldId, categoryId: category.id }))
    )
      throw forbidden('You are not assigned to this ring or category');
    const ruleSet = category.ruleSet as SumoRuleSet;
    const roundMs = roundClockLengthMs(ruleSet.params.match);
    if (report.roundMs !== roundMs)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'errors.validation',
        `roundMs: the category's rules give ${roundMs} ms`,
        [{ path: 'roundMs', key: 'errors.validation', message: `the rules give ${roundMs} ms` }],
      );
    const tournament = sumoTournamentOf(
      ruleSet,
      await this.categoryTeams.refs(category.id),
      (await this.ledger.entriesOfCategory(category.id)).map(toLedgerRecord),
    );
    const match = sumoMatchesInOrder(tournament).find(
      (candidate) => candidate.id === report.matchId,
    );
    if (!match) throw unknownReference('matchId', 'match in this category', report.matchId);
    if (!PLAYABLE.has(match.status))
      throw conflict('errors.conflict', `Match ${match.id} is not being played (${match.status})`);

    const at = new Date().toISOString();
    const clock: SumoClock = { ...report, stageId: field.stageId, fieldId, at, serverNow: at };
    this.byRing.set(fieldId, clock);
    this.live.sumoClockChanged(clock, category.published);
    return clock;
  }
}
