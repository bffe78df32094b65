import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CategoriesQuery } from '../categories/categories.query';
import { notFound } from '../common/api-error';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { JudgesQuery } from '../judges/judges.query';
import { LedgerQuery, type LedgerEntryRow } from '../ledger/ledger.query';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { QualificationQuery } from '../qualification/qualification.query';
import { SchoolsQuery } from '../schools/schools.query';
import { StagesQuery } from '../stages/stages.query';
import { TeamsQuery } from '../teams/teams.query';
import { categoryDefinition, stageDefinition } from './stage-definition';
import type { BundleLedgerEntry, StageRows } from './stage-bundle';

/** A stage's rows as they travel, asked of the features that own them. */
@Injectable()
export class StageRowsReader {
  constructor(
    private readonly stages: StagesQuery,
    private readonly olympiads: OlympiadsQuery,
    private readonly categories: CategoriesQuery,
    private readonly schools: SchoolsQuery,
    private readonly teams: TeamsQuery,
    private readonly judges: JudgesQuery,
    private readonly assignments: JudgeAssignmentsQuery,
    private readonly ledger: LedgerQuery,
    private readonly qualification: QualificationQuery,
  ) {}

  /**
   * Reads what others refer to last (ledger and qualification first, the stage at the end), so a
   * row written between two reads can only add something unreferenced, never leave an entry
   * pointing at a team or category the bundle lacks.
   */
  async read(
    stageId: string,
    options: { withLedger: boolean } = { withLedger: true },
    manager?: EntityManager,
  ): Promise<StageRows> {
    if (!(await this.stages.stageExists(stageId, manager))) throw notFound('Stage', stageId);
    const ledger = options.withLedger ? await this.ledger.entriesOfStage(stageId, manager) : [];
    const qualification = await this.qualification.decisionsFromStage(stageId, manager);
    const judges = await this.judges.judgesOfStage(stageId, manager);
    const assignments = judges.length
      ? await this.assignments.assignmentsOfJudges(
          judges.map((judge) => judge.id),
          manager,
        )
      : [];
    const teams = await this.teams.teamsOfStageWithMembers(stageId, manager);
    const schoolIds = [...new Set(teams.map((team) => team.schoolId))];
    const schools = await this.schools.schoolsByIds(schoolIds, manager);
    const categories = await this.categories.categoriesOfStage(stageId, manager);
    const stage = await this.stages.stageById(stageId, manager);
    if (!stage) throw notFound('Stage', stageId);
    const olympiad = await this.olympiads.olympiadById(stage.olympiadId, manager);
    if (!olympiad) throw notFound('Olympiad', stage.olympiadId);

    return {
      stage: {
        id: stage.id,
        olympiad: { id: olympiad.id, name: olympiad.name, season: olympiad.season },
        ...stageDefinition(stage),
        status: stage.status,
      },
      categories: categories.map((category) => ({
        id: category.id,
        ...categoryDefinition(category),
        ruleSet: category.ruleSet as unknown as Record<string, unknown>,
        status: category.status,
        published: category.published,
        lockedAt: category.lockedAt,
        publishedAt: category.publishedAt,
        templateRuleSet: category.templateRuleSet as unknown as Record<string, unknown> | null,
      })),
      schools: schools.map((school) => ({
        id: school.id,
        name: school.name,
        regionCode: school.regionCode,
        town: school.town,
      })),
      teams: teams.map((team) => ({
        id: team.id,
        categoryId: team.categoryId,
        schoolId: team.schoolId,
        name: team.name,
        coach: team.coach,
        status: team.status,
        checkedInAt: team.checkedInAt,
        members: (team.members ?? [])
          .map((member) => ({
            id: member.id,
            name: member.name,
            grade: member.grade,
            position: member.position,
          }))
          .sort((a, b) => a.position - b.position),
      })),
      // Names and roles only: the PIN digest and hash stay on the venue.
      judges: judges.map((judge) => {
        const own = assignments.filter((assignment) => assignment.judgeId === judge.id);
        return {
          id: judge.id,
          name: judge.name,
          role: judge.role,
          active: judge.active,
          categoryIds: own
            .flatMap((assignment) => (assignment.categoryId ? [assignment.categoryId] : []))
            .sort(),
          fieldIds: own
            .flatMap((assignment) => (assignment.fieldId ? [assignment.fieldId] : []))
            .sort(),
        };
      }),
      ledger: ledger.map(bundleLedgerEntry),
      qualification: qualification.map((row) => ({
        id: row.id,
        sourceTeamId: row.sourceTeamId,
        targetStageId: row.targetStageId,
        targetTeamId: row.targetTeamId,
        reason: row.reason,
        note: row.note,
        enteredBy: row.enteredBy,
        enteredAt: row.enteredAt,
      })),
    };
  }
}

export function bundleLedgerEntry(entry: LedgerEntryRow): BundleLedgerEntry {
  return {
    seq: Number(entry.seq),
    id: entry.id,
    categoryId: entry.categoryId,
    teamId: entry.teamId,
    kind: entry.kind,
    payload: entry.payload,
    supersedes: entry.supersedes,
    reason: entry.reason,
    authorId: entry.authorId,
    authorRole: entry.authorRole,
    deviceId: entry.deviceId,
    recordedAt: entry.recordedAt,
    awaitsConfirmation: Boolean(entry.awaitsConfirmation),
    receivedAt: entry.receivedAt,
  };
}
