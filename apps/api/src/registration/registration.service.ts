import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  RegistrationMapping,
  RegistrationPreview,
  RegistrationResult,
} from '@olympiad/contracts';
import { REGIONS } from '@olympiad/contracts';
import { replaceLatinLookalikes } from '@olympiad/i18n';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, SERVER_ACTOR, type AuditActor } from '../audit/audit-recorder';
import { CategoriesQuery } from '../categories/categories.query';
import { ApiError, conflict, invalid, notFound } from '../common/api-error';
import { SchoolsQuery } from '../schools/schools.query';
import { SchoolsStore, type NewSchool } from '../schools/schools.store';
import { StagesQuery, type StageRow } from '../stages/stages.query';
import { RecomputeStandingsUseCase } from '../standings/recompute-standings.use-case';
import { TeamsQuery } from '../teams/teams.query';
import { TeamsStore, type NewTeam, type NewTeamMember } from '../teams/teams.store';
import {
  checkRegistrationRows,
  schoolKey,
  teamKey,
  type RegistrationContext,
} from './check-registration-rows';
import { mapColumns } from './header-mapping';
import { hasLostLetters } from './lost-letters';
import { readTable, type Table } from './read-table';
import { claimStageImportTurn } from './stage-import-turn';

export interface UploadedTable {
  originalname: string;
  buffer: Buffer;
}

export interface ConfirmOptions {
  mapping?: RegistrationMapping;
  fileHash: string;
  skipInvalid: boolean;
  fixLookalikes: boolean;
}

export interface PreparedCommit {
  stage: StageRow;
  file: UploadedTable;
  options: ConfirmOptions;
  /** Who commits: the import goes on the audit record with the file's name, hash and rows. */
  actor: AuditActor;
}

/** How far a commit got: the rows of its transaction, then the standings of each category. */
export interface CommitProgress {
  phase: 'checking' | 'writing' | 'standings';
  teamsWritten: number;
  teamsTotal: number;
  categoriesDone: number;
  categoriesTotal: number;
}

const INSERT_CHUNK = 100;

/**
 * Lets pending I/O run (a progress poll is answered from memory) before the next chunk. With
 * better-sqlite3 every statement completes synchronously, so without this nothing else would be
 * served until the transaction ends.
 */
const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Import of teams (and their schools) from a CSV or XLSX file: preview first, then confirm. */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recompute: RecomputeStandingsUseCase,
    private readonly stages: StagesQuery,
    private readonly categories: CategoriesQuery,
    private readonly schools: SchoolsQuery,
    private readonly schoolsStore: SchoolsStore,
    private readonly teams: TeamsQuery,
    private readonly teamsStore: TeamsStore,
    private readonly audit: AuditRecorder,
  ) {}

  async preview(
    stageId: string,
    file: UploadedTable,
    mapping?: RegistrationMapping,
  ): Promise<RegistrationPreview> {
    return this.check(this.dataSource.manager, await this.stage(stageId), file, mapping);
  }

  /**
   * Writes the rows without errors of the same file the organiser previewed, all in one
   * transaction: either every good row is stored or nothing is. `onProgress` hears how far it got;
   * between chunks the event loop is let go, so progress can be asked for while it writes.
   */
  async confirm(
    stageId: string,
    file: UploadedTable,
    options: ConfirmOptions,
    onProgress: (progress: CommitProgress) => void = () => undefined,
    actor: AuditActor = SERVER_ACTOR,
  ): Promise<RegistrationResult> {
    return this.write(await this.prepare(stageId, file, options, actor), onProgress);
  }

  /** The checks that need no transaction (the stage, the file's hash): a commit job starts only after them. */
  async prepare(
    stageId: string,
    file: UploadedTable,
    options: ConfirmOptions,
    actor: AuditActor = SERVER_ACTOR,
  ): Promise<PreparedCommit> {
    const stage = await this.stage(stageId);
    if (stage.status === 'closed')
      throw conflict('registration.stageClosed', `The stage ${stage.code} is closed`);
    if (hashOf(file.buffer) !== options.fileHash) {
      throw conflict(
        'registration.fileChanged',
        'This is not the file that was previewed; preview it again',
      );
    }
    return { stage, file, options, actor };
  }

  async write(
    { stage, file, options, actor }: PreparedCommit,
    onProgress: (progress: CommitProgress) => void = () => undefined,
  ): Promise<RegistrationResult> {
    const fix = (text: string) => (options.fixLookalikes ? replaceLatinLookalikes(text) : text);
    onProgress({
      phase: 'checking',
      teamsWritten: 0,
      teamsTotal: 0,
      categoriesDone: 0,
      categoriesTotal: 0,
    });

    // Reading the file needs no database: done before the transaction, which holds SQLite's one writer.
    const table = await readTable(file.buffer, file.originalname);
    await letOthersIn();
    const result = await this.dataSource.transaction(async (tx) => {
      await claimStageImportTurn(tx, stage.id);
      // Checked again inside the transaction: another import may have landed since the preview.
      const preview = await this.check(tx, stage, file, options.mapping, table);
      if (preview.missingFields.length > 0) {
        throw invalid(
          `No column holds: ${preview.missingFields.join(', ')}`,
          preview.missingFields.map((field) => ({
            path: field,
            key: 'registration.unmappedField',
            message: `no column is mapped to ${field}`,
          })),
          'registration.unmappedFields',
        );
      }
      const errors = preview.problems.filter((problem) => problem.severity === 'error');
      if (errors.length > 0 && !options.skipInvalid) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'registration.hasErrors',
          `${preview.summary.invalid} rows have errors; fix the file or import only the good rows`,
          errors.slice(0, 100).map((problem) => ({
            path: `row ${problem.row} / ${problem.column}`,
            key: problem.key,
            message: problem.message,
          })),
        );
      }

      const schoolIds = await this.schoolIndex(tx);
      const newSchools: NewSchool[] = [];
      const teams: NewTeam[] = [];
      const membersOf = new Map<string, NewTeamMember[]>();
      for (const row of preview.rows) {
        if (!row.ok || !row.categoryId || !row.regionCode) continue;
        const schoolName = fix(row.school);
        const key = schoolKey(schoolName, row.regionCode);
        let schoolId = schoolIds.get(key) ?? schoolIds.get(schoolKey(row.school, row.regionCode));
        if (!schoolId) {
          schoolId = randomUUID();
          schoolIds.set(key, schoolId);
          newSchools.push({
            id: schoolId,
            name: schoolName,
            regionCode: row.regionCode,
            town: row.town.slice(0, 200),
          });
        }
        const teamId = randomUUID();
        teams.push({
          id: teamId,
          stageId: stage.id,
          categoryId: row.categoryId,
          schoolId,
          name: fix(row.team),
          coach: fix(row.coach),
          status: 'active',
        });
        membersOf.set(
          teamId,
          row.members.map((member, position) => ({
            id: randomUUID(),
            teamId,
            name: fix(member.name),
            grade: member.grade ?? 0,
            position,
          })),
        );
      }
      const report = (teamsWritten: number) =>
        onProgress({
          phase: 'writing',
          teamsWritten,
          teamsTotal: teams.length,
          categoriesDone: 0,
          categoriesTotal: 0,
        });
      report(0);
      await letOthersIn();
      for (let start = 0; start < newSchools.length; start += INSERT_CHUNK) {
        await this.schoolsStore.insertSchools(newSchools.slice(start, start + INSERT_CHUNK), tx);
      }
      for (let start = 0; start < teams.length; start += INSERT_CHUNK) {
        const chunk = teams.slice(start, start + INSERT_CHUNK);
        await this.teamsStore.insertTeams(chunk, tx);
        const members = chunk.flatMap((team) => membersOf.get(team.id) ?? []);
        for (let from = 0; from < members.length; from += INSERT_CHUNK) {
          await this.teamsStore.insertMembers(members.slice(from, from + INSERT_CHUNK), tx);
        }
        report(start + chunk.length);
        await letOthersIn();
      }
      await this.audit.record(
        {
          actor,
          stageId: stage.id,
          object: { kind: 'registration', id: options.fileHash, name: file.originalname },
          action: 'registration.commit',
          after: {
            fileName: file.originalname,
            fileHash: options.fileHash,
            rows: preview.rows.length,
            teamsCreated: teams.length,
            schoolsCreated: newSchools.length,
            skippedRows: preview.rows.filter((row) => !row.ok).length,
          },
        },
        tx,
      );
      return {
        teamsCreated: teams.length,
        schoolsCreated: newSchools.length,
        skippedRows: preview.rows.filter((row) => !row.ok).map((row) => row.row),
        categoryIds: [...new Set(teams.map((team) => team.categoryId))],
      };
    });
    const total = result.categoryIds.length;
    for (const [index, categoryId] of result.categoryIds.entries()) {
      onProgress({
        phase: 'standings',
        teamsWritten: result.teamsCreated,
        teamsTotal: result.teamsCreated,
        categoriesDone: index,
        categoriesTotal: total,
      });
      await letOthersIn();
      await this.recompute.execute(categoryId);
    }
    return {
      teamsCreated: result.teamsCreated,
      schoolsCreated: result.schoolsCreated,
      skippedRows: result.skippedRows,
    };
  }

  private async stage(stageId: string): Promise<StageRow> {
    const stage = await this.stages.stageById(stageId);
    if (!stage) throw notFound('Stage', stageId);
    return stage;
  }

  private async schoolIndex(manager: EntityManager): Promise<Map<string, string>> {
    const schools = await this.schools.schoolNames(manager);
    return new Map(schools.map((school) => [schoolKey(school.name, school.regionCode), school.id]));
  }

  private async check(
    manager: EntityManager,
    stage: StageRow,
    file: UploadedTable,
    mapping?: RegistrationMapping,
    read?: Table,
  ): Promise<RegistrationPreview> {
    const table = read ?? (await readTable(file.buffer, file.originalname));
    const { columns, missingFields } = mapColumns(table.header, mapping);
    const lostLetterHeaders = table.header.filter((header) =>
      hasLostLetters(header, table.encoding),
    );
    const base = {
      fileName: file.originalname,
      fileHash: hashOf(file.buffer),
      format: table.format,
      ...(table.encoding ? { encoding: table.encoding } : {}),
      ...(table.delimiter ? { delimiter: table.delimiter } : {}),
      columns,
      missingFields,
      ...(lostLetterHeaders.length > 0 ? { lostLetterHeaders } : {}),
    };
    if (missingFields.length > 0) {
      return {
        ...base,
        rows: [],
        problems: [],
        summary: { rows: table.rows.length, valid: 0, invalid: 0, warnings: 0, newSchools: 0 },
      };
    }
    const categories = await this.categories.categoriesOfStage(stage.id, manager);
    const teams = await this.teams.teamsOfStage(stage.id, manager);
    const context: RegistrationContext = {
      stageRegionCode: stage.regionCode,
      regions: REGIONS,
      categories,
      schools: await this.schoolIndex(manager),
      existingTeams: new Set(teams.map((team) => teamKey(team.name, team.categoryId))),
      encoding: table.encoding,
    };
    return { ...base, ...checkRegistrationRows(columns, table.rows, context) };
  }
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
