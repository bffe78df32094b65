import { HttpStatus, Injectable } from '@nestjs/common';
import type { ScoreSheet, TypedSheetLine, TypedSheetResult } from '@olympiad/contracts';
import {
  mazeSheetEntries,
  mazeSheetLayout,
  normaliseSheetCode,
  sheetCodeFrom,
  sheetRowsInRunningOrder,
  type MazeRuleSet,
} from '@olympiad/scoring';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { ApiError, forbidden, notFound } from '../common/api-error';
import { VenueOwnedStages } from '../federation/venue-owned-stages';
import { FieldQueuesService } from '../field-queues/field-queues.service';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { invalidEntry } from '../ledger/invalid-entry';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { SchoolsQuery } from '../schools/schools.query';
import { TeamsQuery } from '../teams/teams.query';
import { ScoreSheetStore } from './score-sheet-store';

/**
 * Paper score sheets (README, "Paper fallback"): a round's sheets made once per maze table in the
 * table's running order, read back by their code, and typed in as ledger entries whose ids come
 * from the sheet, so the ledger's idempotency makes a second typing record nothing.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    private readonly store: ScoreSheetStore,
    private readonly categories: CategoriesQuery,
    private readonly queues: FieldQueuesService,
    private readonly teams: TeamsQuery,
    private readonly schools: SchoolsQuery,
    private readonly assignments: JudgeAssignmentsQuery,
    private readonly recordEntry: RecordEntryUseCase,
    private readonly venueOwned: VenueOwnedStages,
  ) {}

  async make(categoryId: string, round: number, actor: Actor): Promise<ScoreSheet[]> {
    const category = await this.mazeCategory(categoryId, actor);
    const layout = mazeSheetLayout(category.ruleSet as MazeRuleSet, round);
    if (!layout.ok) throw invalidEntry(layout.errors);
    const existing = await this.store.sheetsOfRound(categoryId, round);
    if (existing) return existing;
    const tables = (await this.queues.list(category.stageId)).filter(
      (field) =>
        field.discipline === 'maze' && field.categories.some((item) => item.id === categoryId),
    );
    const createdAt = new Date().toISOString();
    const sheet = (
      field: { fieldId: string; name: string } | null,
      teams: { teamId: string; teamName: string; school: string }[],
    ): ScoreSheet => ({
      code: sheetCodeFrom(randomBytes(7)),
      stageId: category.stageId,
      categoryId,
      categoryName: category.name,
      fieldId: field?.fieldId ?? null,
      fieldName: field?.name ?? null,
      discipline: 'maze',
      round,
      rows: sheetRowsInRunningOrder(teams),
      layout: layout.value,
      createdAt,
    });
    const made =
      tables.length > 0
        ? tables.map((field) =>
            sheet(
              field,
              field.teams
                .filter((team) => team.categoryId === categoryId)
                .map((team) => ({ teamId: team.teamId, teamName: team.name, school: team.school })),
            ),
          )
        : [sheet(null, await this.activeTeams(categoryId))];
    return (await this.store.sheetsOfRound(categoryId, round, () => made)) ?? made;
  }

  /** The round's sheets as made; 404 before they are. */
  async ofRound(categoryId: string, round: number, actor: Actor): Promise<ScoreSheet[]> {
    await this.mazeCategory(categoryId, actor);
    const sheets = await this.store.sheetsOfRound(categoryId, round);
    if (!sheets) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'scoreSheets.notMade',
        `The sheets of round ${round} have not been made yet`,
      );
    }
    return sheets;
  }

  async byCode(typed: string, actor: Actor): Promise<ScoreSheet> {
    const code = normaliseSheetCode(typed);
    const sheet = code ? await this.store.sheetByCode(code) : null;
    if (!sheet) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'scoreSheets.unknownCode',
        `No sheet has the code ${typed}`,
      );
    }
    assertStageAccess(actor, sheet.stageId);
    if (
      actor.role === 'judge' &&
      !(await this.assignments.isAssigned(actor, {
        categoryId: sheet.categoryId,
        ...(sheet.fieldId ? { fieldId: sheet.fieldId } : {}),
      }))
    ) {
      throw forbidden('You are not assigned to this category or field');
    }
    return sheet;
  }

  async typeIn(typed: string, lines: TypedSheetLine[], actor: Actor): Promise<TypedSheetResult> {
    const sheet = await this.byCode(typed, actor);
    await this.venueOwned.assertEditable('category', sheet.categoryId);
    const category = await this.mazeCategory(sheet.categoryId, actor);
    const entries = mazeSheetEntries(sheet, category.ruleSet as MazeRuleSet, lines);
    if (!entries.ok) throw invalidEntry(entries.errors);
    const result: TypedSheetResult = { recorded: 0, alreadyRecorded: 0 };
    const recordedAt = new Date().toISOString();
    for (const entry of entries.value) {
      const { duplicate } = await this.recordEntry.execute(
        {
          id: entry.id,
          categoryId: sheet.categoryId,
          teamId: entry.teamId,
          kind: entry.kind,
          payload: entry.payload,
          supersedes: null,
          reason: null,
          recordedAt,
          deviceId: null,
        },
        actor,
      );
      if (duplicate) result.alreadyRecorded += 1;
      else result.recorded += 1;
    }
    return result;
  }

  private async mazeCategory(categoryId: string, actor: Actor): Promise<CategoryRow> {
    const category = await this.categories.categoryById(categoryId);
    if (!category) throw notFound('Category', categoryId);
    assertStageAccess(actor, category.stageId);
    if (category.discipline !== 'maze') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'scoreSheets.mazeOnly',
        'Score sheets are printed for maze categories',
      );
    }
    return category;
  }

  /** A category at no maze table yet: every team that runs, on one sheet. */
  private async activeTeams(categoryId: string) {
    const teams = (await this.teams.teamsOfCategory(categoryId)).filter(
      (team) => team.status === 'active',
    );
    const schools = new Map(
      (await this.schools.schoolsByIds([...new Set(teams.map((team) => team.schoolId))])).map(
        (school) => [school.id, school.name],
      ),
    );
    return teams.map((team) => ({
      teamId: team.id,
      teamName: team.name,
      school: schools.get(team.schoolId) ?? '',
    }));
  }
}
