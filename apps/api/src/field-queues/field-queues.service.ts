import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldQueue, FieldQueueRunCheck, FieldQueueTeam } from '@olympiad/contracts';
import {
  estimatedWaitsMs,
  mazeAttemptQueue,
  mazeAttemptTimes,
  mazeTableOfTeams,
  provisionalAttemptState,
  recentPaceMs,
  scoreMazeAttempt,
  type LedgerRecord,
  type MazeRuleSet,
} from '@olympiad/scoring';
import { In, type DataSource } from 'typeorm';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { notFound } from '../common/api-error';
import { FieldsQuery } from '../fields/fields.query';
import { JudgesQuery } from '../judges/judges.query';
import { LedgerQuery } from '../ledger/ledger.query';
import { RunsQuery, type FieldRunRow } from '../runs/runs.query';
import { SchoolsQuery, type SchoolRow } from '../schools/schools.query';
import { StagesQuery } from '../stages/stages.query';
import { toLedgerRecord } from '../standings/standings.service';
import { TeamsQuery, type TeamRow } from '../teams/teams.query';
import { categoriesOfFields } from './field-categories';
import { RingMatchClaimEntity } from './ring-match-claim.entity';
import { ringQueues } from './ring-queues';
import { sumoCategorySchedule, type SumoCategorySchedule } from './sumo-schedule';

/** What waits on every field of a stage: a maze table's running order, a sumo ring's next match. */
@Injectable()
export class FieldQueuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stages: StagesQuery,
    private readonly fieldsQuery: FieldsQuery,
    private readonly categoriesQuery: CategoriesQuery,
    private readonly judges: JudgesQuery,
    private readonly teamsQuery: TeamsQuery,
    private readonly schools: SchoolsQuery,
    private readonly ledger: LedgerQuery,
    private readonly runs: RunsQuery,
  ) {}

  async list(stageId: string, nowMs = Date.now()): Promise<FieldQueue[]> {
    if (!(await this.stages.stageExists(stageId))) throw notFound('Stage', stageId);
    const fields = await this.fieldsQuery.fieldsOfStageByName(stageId);
    const categories = await this.categoriesQuery.categoriesOfStageByDiscipline(stageId);
    const judges = await this.judges.assignmentsOfStage(stageId);
    const onField = categoriesOfFields(fields, categories, judges);
    const used = [...new Set([...onField.values()].flat())];
    const teams = await this.teamsQuery.teamsOfCategories(used);
    const schoolById = new Map(
      (await this.schools.schoolsByIds([...new Set(teams.map((team) => team.schoolId))])).map(
        (school) => [school.id, school],
      ),
    );
    const entries = await this.ledger.entriesOfCategories(used);
    const recordsOf = new Map<string, LedgerRecord[]>();
    for (const entry of entries) {
      const records = recordsOf.get(entry.categoryId) ?? [];
      records.push(toLedgerRecord(entry));
      recordsOf.set(entry.categoryId, records);
    }
    const byId = new Map(categories.map((category) => [category.id, category]));
    const teamById = new Map(teams.map((team) => [team.id, team]));
    const mazeFields = fields.filter((field) => field.discipline === 'maze');
    const tableOf = mazeTableOfTeams(
      mazeFields.map((field) => ({ id: field.id, categoryIds: onField.get(field.id) ?? [] })),
      teams.map((team) => ({ id: team.id, name: team.name, categoryId: team.categoryId })),
    );
    const lastRuns = new Map<string, FieldRunRow | null>();
    for (const field of mazeFields)
      lastRuns.set(field.id, await this.runs.latestRunOfField(field.id));
    const rings = this.rings(
      fields.filter((field) => field.discipline === 'sumo'),
      onField,
      categories.filter((category) => category.discipline === 'sumo' && used.includes(category.id)),
      teams,
      schoolById,
      recordsOf,
      used.length === 0
        ? []
        : await this.dataSource.manager.findBy(RingMatchClaimEntity, { categoryId: In(used) }),
      nowMs,
    );

    return fields.map((field) => {
      const ids = onField.get(field.id) ?? [];
      const fieldCategories = ids
        .map((id) => byId.get(id))
        .filter((category): category is CategoryRow => Boolean(category));
      const base: FieldQueue = {
        fieldId: field.id,
        name: field.name,
        discipline: field.discipline,
        categories: fieldCategories.map((category) => ({
          id: category.id,
          name: category.name,
          attempts:
            category.discipline === 'maze'
              ? (category.ruleSet as MazeRuleSet).params.attempts
              : null,
          sharedWith: fields
            .filter(
              (other) =>
                other.id !== field.id && (onField.get(other.id) ?? []).includes(category.id),
            )
            .map((other) => other.name),
        })),
        teams: [],
        nextMatch: null,
      };
      if (field.discipline === 'maze') {
        const queue = mazeAttemptQueue(
          fieldCategories.map((category) => ({
            id: category.id,
            attempts: (category.ruleSet as MazeRuleSet).params.attempts,
            records: recordsOf.get(category.id) ?? [],
          })),
          teams.filter(
            (team) => ids.includes(team.categoryId) && tableOf.get(team.id) === field.id,
          ),
        );
        const atTable = new Set(queue.map((entry) => entry.teamId));
        const finishes = ids.flatMap((id) => mazeAttemptTimes(recordsOf.get(id) ?? [], atTable));
        const stillToRun = queue.filter((entry) => entry.nextAttempt !== null).length;
        const waits = estimatedWaitsMs(
          stillToRun,
          recentPaceMs(finishes),
          finishes.length > 0 ? Math.max(...finishes) : null,
          nowMs,
        );
        base.teams = queue.map((entry, index): FieldQueueTeam => ({
          ...entry,
          school: schoolById.get(teamById.get(entry.teamId)?.schoolId ?? '')?.name ?? '',
          waitMs: entry.nextAttempt === null ? null : (waits[index] ?? null),
        }));
        base.lastRun = this.runCheck(lastRuns.get(field.id) ?? null, byId, recordsOf);
      }
      if (field.discipline === 'sumo') Object.assign(base, rings.get(field.id));
      return base;
    });
  }

  /** A finished run's attempt as the ledger has it now, so the console follows the judge's confirmation. */
  private runCheck(
    run: FieldRunRow | null,
    categories: Map<string, CategoryRow>,
    recordsOf: Map<string, LedgerRecord[]>,
  ): FieldQueueRunCheck | null {
    const category = run ? categories.get(run.categoryId) : undefined;
    if (!run || run.state !== 'finished' || !run.entryId || !category) return null;
    const now = provisionalAttemptState(recordsOf.get(run.categoryId) ?? [], {
      entryId: run.entryId,
      teamId: run.teamId,
      attempt: run.attempt,
    });
    if (now.kind === 'provisional') return { runId: run.id, state: 'provisional', attempt: null };
    const payload = now.payload;
    const scored = payload
      ? scoreMazeAttempt((category.ruleSet as MazeRuleSet).params, payload)
      : null;
    return {
      runId: run.id,
      state: 'replaced',
      attempt:
        payload && scored
          ? {
              outcome: payload.outcome,
              resultMs: scored.class === 'finished' ? scored.timeMs : null,
              touches: payload.touches,
              timing: payload.timing,
              timeMs: payload.timeMs,
            }
          : null,
    };
  }

  /** Each sumo category's schedule from its ledger, then what every ring holds or would be given. */
  private rings(
    rings: { id: string; name: string }[],
    onField: Map<string, string[]>,
    categories: CategoryRow[],
    teams: TeamRow[],
    schoolById: Map<string, SchoolRow>,
    recordsOf: Map<string, LedgerRecord[]>,
    claims: RingMatchClaimEntity[],
    nowMs: number,
  ) {
    const schedules: SumoCategorySchedule[] = categories.map((category) =>
      sumoCategorySchedule(
        category,
        teams
          .filter((team) => team.categoryId === category.id)
          .map((team) => ({
            id: team.id,
            name: team.name,
            schoolId: team.schoolId,
            regionCode: schoolById.get(team.schoolId)?.regionCode ?? null,
            status: team.status,
          })),
        recordsOf.get(category.id) ?? [],
      ),
    );
    const names = new Map(teams.map((team) => [team.id, team.name]));
    return ringQueues({ rings, onField, schedules, claims, names, nowMs });
  }
}
