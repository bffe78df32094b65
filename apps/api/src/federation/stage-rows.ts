import { EntityManager, In } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { notFound } from '../common/api-error';
import { JudgeAssignmentEntity } from '../judges/judge-assignment.entity';
import { JudgeEntity } from '../judges/judge.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { OlympiadEntity } from '../olympiads/olympiad.entity';
import { QualificationEntryEntity } from '../qualification/qualification-entry.entity';
import { SchoolEntity } from '../schools/school.entity';
import { StageEntity } from '../stages/stage.entity';
import { TeamEntity } from '../teams/team.entity';
import { categoryDefinition, stageDefinition } from './stage-definition';
import type { BundleLedgerEntry, StageRows } from './stage-bundle';

/**
 * Reads what others refer to last (ledger and qualification first, the stage at the end), so a
 * row written between two reads can only add something unreferenced, never leave an entry
 * pointing at a team or category the bundle lacks.
 */
export async function readStageRows(
  manager: EntityManager,
  stageId: string,
  options: { withLedger: boolean } = { withLedger: true },
): Promise<StageRows> {
  if (!(await manager.existsBy(StageEntity, { id: stageId }))) throw notFound('Stage', stageId);
  const ledger = options.withLedger
    ? await manager.find(LedgerEntryEntity, { where: { stageId }, order: { seq: 'ASC' } })
    : [];
  const qualification = await manager.find(QualificationEntryEntity, {
    where: { sourceStageId: stageId },
  });
  const judges = await manager.find(JudgeEntity, { where: { stageId } });
  const assignments = judges.length
    ? await manager.find(JudgeAssignmentEntity, {
        where: { judgeId: In(judges.map((judge) => judge.id)) },
      })
    : [];
  const teams = await manager.find(TeamEntity, {
    where: { stageId },
    relations: { members: true },
  });
  const schoolIds = [...new Set(teams.map((team) => team.schoolId))];
  const schools = schoolIds.length
    ? await manager.find(SchoolEntity, { where: { id: In(schoolIds) } })
    : [];
  const categories = await manager.find(CategoryEntity, { where: { stageId } });
  const stage = await manager.findOneByOrFail(StageEntity, { id: stageId });
  const olympiad = await manager.findOneByOrFail(OlympiadEntity, { id: stage.olympiadId });

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

export function bundleLedgerEntry(entry: LedgerEntryEntity): BundleLedgerEntry {
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
