import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  MazeScoreSheet,
  ScoreSheet,
  SumoScoreSheet,
  TypeInSheet,
  TypedSheetResult,
} from '@olympiad/contracts';
import {
  DOUBLE_PENDING,
  doubleEntrySlot,
  entryModeOf,
  MAZE_ATTEMPT,
  mazeAttemptsByTeam,
  mazeSheetEntries,
  mazeSheetLayout,
  normaliseSheetCode,
  resolveLedger,
  sheetCodeFrom,
  sheetRowsInRunningOrder,
  SUMO_MATCH,
  sumoSheetEntries,
  sumoSheetLayout,
  type FieldError,
  type LedgerRecord,
  type MazeRuleSet,
  type SheetEntry,
  type SumoRuleSet,
  type Validated,
} from '@olympiad/scoring';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { ApiError, forbidden, notFound } from '../common/api-error';
import { judgeSheetEntryId } from '../double-entry/derived-entry-id';
import { DoubleEntryStore } from '../double-entry/double-entry.store';
import { VenueOwnedStages } from '../federation/venue-owned-stages';
import { FieldQueuesService } from '../field-queues/field-queues.service';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { invalidEntry } from '../ledger/invalid-entry';
import { LedgerQuery } from '../ledger/ledger.query';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { SchoolsQuery } from '../schools/schools.query';
import { toLedgerRecord } from '../standings/standings.service';
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
    private readonly ledger: LedgerQuery,
    private readonly doubleEntries: DoubleEntryStore,
  ) {}

  async make(categoryId: string, round: number, actor: Actor): Promise<ScoreSheet[]> {
    const category = await this.sheetCategory(categoryId, actor);
    const existing = await this.store.sheetsOfRound(categoryId, round);
    if (existing) return existing;
    const made =
      category.discipline === 'sumo'
        ? await this.sumoSheets(category, round)
        : await this.mazeSheets(category, round);
    return (await this.store.sheetsOfRound(categoryId, round, () => made)) ?? made;
  }

  /** One sheet per maze table running the category, its teams in the table's running order. */
  private async mazeSheets(category: CategoryRow, round: number): Promise<MazeScoreSheet[]> {
    const layout = mazeSheetLayout(category.ruleSet as MazeRuleSet, round);
    if (!layout.ok) throw invalidEntry(layout.errors);
    const tables = (await this.queues.list(category.stageId)).filter(
      (field) =>
        field.discipline === 'maze' && field.categories.some((item) => item.id === category.id),
    );
    const createdAt = new Date().toISOString();
    const sheet = (
      field: { fieldId: string; name: string } | null,
      teams: { teamId: string; teamName: string; school: string }[],
    ): MazeScoreSheet => ({
      code: sheetCodeFrom(randomBytes(7)),
      stageId: category.stageId,
      categoryId: category.id,
      categoryName: category.name,
      fieldId: field?.fieldId ?? null,
      fieldName: field?.name ?? null,
      discipline: 'maze',
      round,
      rows: sheetRowsInRunningOrder(teams),
      layout: layout.value,
      createdAt,
    });
    return tables.length > 0
      ? tables.map((field) =>
          sheet(
            field,
            field.teams
              .filter((team) => team.categoryId === category.id)
              .map((team) => ({ teamId: team.teamId, teamName: team.name, school: team.school })),
          ),
        )
      : [sheet(null, await this.activeTeams(category.id))];
  }

  /** One sheet per ring running the category: the matches still to play there, in order. */
  private async sumoSheets(category: CategoryRow, round: number): Promise<SumoScoreSheet[]> {
    const rings = (await this.queues.list(category.stageId)).filter(
      (field) =>
        field.discipline === 'sumo' && field.categories.some((item) => item.id === category.id),
    );
    if (rings.length === 0) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'scoreSheets.noRing',
        'No ring runs this category yet: assign its judges to a ring first',
      );
    }
    const createdAt = new Date().toISOString();
    const layout = sumoSheetLayout(category.ruleSet as SumoRuleSet);
    return rings.map((ring) => ({
      code: sheetCodeFrom(randomBytes(7)),
      stageId: category.stageId,
      categoryId: category.id,
      categoryName: category.name,
      fieldId: ring.fieldId,
      fieldName: ring.name,
      discipline: 'sumo',
      round,
      rows: (ring.upcoming ?? [])
        .filter((match) => match.categoryId === category.id)
        .map((match, index) => ({
          row: index + 1,
          matchId: match.matchId,
          a: { teamId: match.a.teamId, name: match.a.name },
          b: { teamId: match.b.teamId, name: match.b.name },
        })),
      layout,
      createdAt,
    }));
  }

  /** The round's sheets as made; 404 before they are. */
  async ofRound(categoryId: string, round: number, actor: Actor): Promise<ScoreSheet[]> {
    await this.sheetCategory(categoryId, actor);
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

  async typeIn(typed: string, body: TypeInSheet, actor: Actor): Promise<TypedSheetResult> {
    const sheet = await this.byCode(typed, actor);
    await this.venueOwned.assertEditable('category', sheet.categoryId);
    const category = await this.sheetCategory(sheet.categoryId, actor);
    const typedLines = sheet.discipline === 'maze' ? body.lines : body.matches;
    if (!typedLines || typedLines.length === 0) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'scoreSheets.nothingTyped',
        sheet.discipline === 'maze' ? 'Send the typed lines' : 'Send the typed matches',
      );
    }
    const entries: Validated<SheetEntry[]> =
      sheet.discipline === 'maze'
        ? mazeSheetEntries(sheet, category.ruleSet as MazeRuleSet, body.lines ?? [])
        : sumoSheetEntries(sheet, category.ruleSet as SumoRuleSet, body.matches ?? []);
    if (!entries.ok) throw invalidEntry(entries.errors);
    // Double entry (docs/rules.md#double-entry): two judges may each type the same sheet, and their
    // lines pair as two blind entries; a head judge's typing counts at once, under the sheet's ids.
    const double = entryModeOf(category.ruleSet) === 'double';
    const blind = double && actor.role === 'judge';
    const ownEntries = blind
      ? entries.value.map((entry) => ({ ...entry, id: judgeSheetEntryId(entry.id, actor.id) }))
      : entries.value;
    const scored = await this.scoredElsewhere(
      sheet,
      ownEntries,
      typedLines.map((line) => line.row),
      double ? { blindFor: blind ? actor.id : null } : null,
    );
    if (scored.length > 0) throw invalidEntry(scored);
    const result: TypedSheetResult = { recorded: 0, alreadyRecorded: 0 };
    const recordedAt = new Date().toISOString();
    for (const entry of ownEntries) {
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

  /**
   * Lines whose attempt or match the ledger already holds from somewhere else (the tablet before
   * it died, another set of ring sheets): typing them would count it twice, so the sheet is refused
   * and the head judge corrects the entry that stands instead. In a double-entry category
   * (`double`) a line is refused too when its attempt or match cannot take this typing as an entry:
   * a judge's (`blindFor`) when the judge has entered it already, both judges have, or the head
   * judge has decided it; the head judge's while it awaits its second entry or is in review (the
   * head judge decides it instead). Each refusal names its line, and nothing of the sheet is written.
   */
  private async scoredElsewhere(
    sheet: ScoreSheet,
    entries: SheetEntry[],
    rows: number[],
    double: { blindFor: string | null } | null,
  ): Promise<FieldError[]> {
    const records: LedgerRecord[] = (await this.ledger.entriesOfCategory(sheet.categoryId)).map(
      toLedgerRecord,
    );
    const blindRows = double ? await this.doubleEntries.ofCategory(sheet.categoryId) : [];
    // A blind entry typed before by this judge is in the double-entry table, not the ledger.
    const stored = new Set([...records, ...blindRows].map((record) => record.id));
    const attempts = mazeAttemptsByTeam(records);
    const effective = resolveLedger(records).effective;
    // Attempts and matches of a double-entry category that count for nobody yet (their stand-in).
    const openSlots = new Set(
      double
        ? effective
            .filter(({ record }) => record.kind === DOUBLE_PENDING)
            .map(({ record }) => String((record.payload as { slot?: unknown }).slot))
        : [],
    );
    const errors: FieldError[] = [];
    entries.forEach((entry, index) => {
      // Typed before (and perhaps corrected since): the ledger answers it as a duplicate.
      if (stored.has(entry.id)) return;
      const refuse = (key: string, message: string) =>
        errors.push({
          path: `${sheet.discipline === 'maze' ? 'lines' : 'matches'}.${index}.row`,
          key,
          message,
          params: { row: rows[index] },
        });
      let other: string | undefined;
      if (entry.kind === MAZE_ATTEMPT && entry.teamId) {
        other = attempts
          .get(entry.teamId)
          ?.find((attempt) => attempt.payload.attempt === sheet.round)?.entryId;
      } else if (entry.kind === SUMO_MATCH) {
        const matchId = entry.payload['matchId'];
        other = effective.find(
          ({ record }) =>
            record.kind === SUMO_MATCH &&
            (record.payload as { matchId?: unknown }).matchId === matchId,
        )?.record.id;
      }
      if (other) {
        refuse(
          'scoreSheets.alreadyScored',
          'this line is already recorded from elsewhere; correct that entry instead',
        );
        return;
      }
      if (!double) return;
      const slot = doubleEntrySlot(entry);
      const entered = blindRows.filter((row) => row.slot === slot);
      if (double.blindFor === null) {
        if (slot !== null && openSlots.has(slot)) {
          refuse(
            'scoreSheets.awaitsDecision',
            'this line awaits its second entry or is in review: decide it in Review instead',
          );
        }
      } else if (
        entered.length >= 2 ||
        entered.some((row) => row.authorId === double.blindFor) ||
        (entered.length === 1 && slot !== null && !openSlots.has(slot))
      ) {
        refuse(
          'scoreSheets.doubleEntryTaken',
          'this line already has its entries (yours, both judges’ or the head judge’s decision)',
        );
      }
    });
    return errors;
  }

  private async sheetCategory(categoryId: string, actor: Actor): Promise<CategoryRow> {
    const category = await this.categories.categoryById(categoryId);
    if (!category) throw notFound('Category', categoryId);
    assertStageAccess(actor, category.stageId);
    if (category.discipline !== 'maze' && category.discipline !== 'sumo') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'scoreSheets.mazeOrSumo',
        'Score sheets are printed for maze and sumo categories',
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
