import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegistrationMapping, RegistrationPreview, RegistrationResult } from '@olympiad/contracts';
import { REGIONS } from '@olympiad/contracts';
import { replaceLatinLookalikes } from '@olympiad/i18n';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { ApiError, conflict, invalid, notFound } from '../common/api-error';
import { SchoolEntity } from '../schools/school.entity';
import { StageEntity } from '../stages/stage.entity';
import { RecomputeStandingsUseCase } from '../standings/recompute-standings.use-case';
import { TeamMemberEntity } from '../teams/team-member.entity';
import { TeamEntity } from '../teams/team.entity';
import { checkRegistrationRows, schoolKey, teamKey, type RegistrationContext } from './check-registration-rows';
import { mapColumns } from './header-mapping';
import { readTable } from './read-table';

export interface UploadedTable {
  originalname: string;
  buffer: Buffer;
}

const INSERT_CHUNK = 100;

/** Import of teams (and their schools) from a CSV or XLSX file: preview first, then confirm. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recompute: RecomputeStandingsUseCase,
  ) {}

  async preview(stageId: string, file: UploadedTable, mapping?: RegistrationMapping): Promise<RegistrationPreview> {
    return this.check(this.dataSource.manager, await this.stage(stageId), file, mapping);
  }

  /**
   * Writes the rows without errors of the same file the organiser previewed, all in one
   * transaction: either every good row is stored or nothing is.
   */
  async confirm(
    stageId: string,
    file: UploadedTable,
    options: { mapping?: RegistrationMapping; fileHash: string; skipInvalid: boolean; fixLookalikes: boolean },
  ): Promise<RegistrationResult> {
    const stage = await this.stage(stageId);
    if (stage.status === 'closed') throw conflict('registration.stageClosed', `The stage ${stage.code} is closed`);
    if (hashOf(file.buffer) !== options.fileHash) {
      throw conflict('registration.fileChanged', 'This is not the file that was previewed; preview it again');
    }
    const fix = (text: string) => (options.fixLookalikes ? replaceLatinLookalikes(text) : text);

    const result = await this.dataSource.transaction(async (tx) => {
      // Checked again inside the transaction: another import may have landed since the preview.
      const preview = await this.check(tx, stage, file, options.mapping);
      if (preview.missingFields.length > 0) {
        throw invalid(`No column holds: ${preview.missingFields.join(', ')}`, preview.missingFields.map((field) => ({ path: field, key: 'registration.unmappedField', message: `no column is mapped to ${field}` })), 'registration.unmappedFields');
      }
      const errors = preview.problems.filter((problem) => problem.severity === 'error');
      if (errors.length > 0 && !options.skipInvalid) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'registration.hasErrors',
          `${preview.summary.invalid} rows have errors; fix the file or import only the good rows`,
          errors.slice(0, 100).map((problem) => ({ path: `row ${problem.row} / ${problem.column}`, key: problem.key, message: problem.message })),
        );
      }

      const schoolIds = await this.schoolIndex(tx);
      const newSchools: SchoolEntity[] = [];
      const teams: TeamEntity[] = [];
      const members: TeamMemberEntity[] = [];
      for (const row of preview.rows) {
        if (!row.ok || !row.categoryId || !row.regionCode) continue;
        const schoolName = fix(row.school);
        const key = schoolKey(schoolName, row.regionCode);
        let schoolId = schoolIds.get(key) ?? schoolIds.get(schoolKey(row.school, row.regionCode));
        if (!schoolId) {
          schoolId = randomUUID();
          schoolIds.set(key, schoolId);
          newSchools.push(Object.assign(new SchoolEntity(), { id: schoolId, name: schoolName, regionCode: row.regionCode, town: row.town.slice(0, 200) }));
        }
        const teamId = randomUUID();
        teams.push(
          Object.assign(new TeamEntity(), {
            id: teamId,
            stageId: stage.id,
            categoryId: row.categoryId,
            schoolId,
            name: fix(row.team),
            coach: fix(row.coach),
            status: 'active',
          }),
        );
        row.members.forEach((member, position) =>
          members.push(Object.assign(new TeamMemberEntity(), { id: randomUUID(), teamId, name: fix(member.name), grade: member.grade ?? 0, position })),
        );
      }
      for (const [entity, list] of [
        [SchoolEntity, newSchools],
        [TeamEntity, teams],
        [TeamMemberEntity, members],
      ] as const) {
        for (let start = 0; start < list.length; start += INSERT_CHUNK) {
          await tx.insert(entity, list.slice(start, start + INSERT_CHUNK) as never);
        }
      }
      return {
        teamsCreated: teams.length,
        schoolsCreated: newSchools.length,
        skippedRows: preview.rows.filter((row) => !row.ok).map((row) => row.row),
        categoryIds: [...new Set(teams.map((team) => team.categoryId))],
      };
    });
    for (const categoryId of result.categoryIds) await this.recompute.execute(categoryId);
    return { teamsCreated: result.teamsCreated, schoolsCreated: result.schoolsCreated, skippedRows: result.skippedRows };
  }

  private async stage(stageId: string): Promise<StageEntity> {
    const stage = await this.dataSource.manager.findOneBy(StageEntity, { id: stageId });
    if (!stage) throw notFound('Stage', stageId);
    return stage;
  }

  private async schoolIndex(manager: EntityManager): Promise<Map<string, string>> {
    const schools = await manager.find(SchoolEntity, { select: { id: true, name: true, regionCode: true } });
    return new Map(schools.map((school) => [schoolKey(school.name, school.regionCode), school.id]));
  }

  private async check(manager: EntityManager, stage: StageEntity, file: UploadedTable, mapping?: RegistrationMapping): Promise<RegistrationPreview> {
    const table = await readTable(file.buffer, file.originalname);
    const { columns, missingFields } = mapColumns(table.header, mapping);
    const base = {
      fileName: file.originalname,
      fileHash: hashOf(file.buffer),
      format: table.format,
      ...(table.encoding ? { encoding: table.encoding } : {}),
      ...(table.delimiter ? { delimiter: table.delimiter } : {}),
      columns,
      missingFields,
    };
    if (missingFields.length > 0) {
      return { ...base, rows: [], problems: [], summary: { rows: table.rows.length, valid: 0, invalid: 0, warnings: 0, newSchools: 0 } };
    }
    const categories = await manager.find(CategoryEntity, { where: { stageId: stage.id } });
    const teams = await manager.find(TeamEntity, { where: { stageId: stage.id }, select: { name: true, categoryId: true } });
    const context: RegistrationContext = {
      stageRegionCode: stage.regionCode,
      regions: REGIONS,
      categories,
      schools: await this.schoolIndex(manager),
      existingTeams: new Set(teams.map((team) => teamKey(team.name, team.categoryId))),
    };
    return { ...base, ...checkRegistrationRows(columns, table.rows, context) };
  }
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
