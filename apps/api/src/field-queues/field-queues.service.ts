import { Injectable } from '@nestjs/common';
import type {
  FieldQueue,
  FieldQueueMatch,
  FieldQueueRunCheck,
  FieldQueueTeam,
} from '@olympiad/contracts';
import {
  mazeAttemptQueue,
  mazeTableOfTeams,
  nextSumoMatch,
  provisionalAttemptState,
  scoreMazeAttempt,
  sumoTournamentOf,
  type LedgerRecord,
  type MazeRuleSet,
  type SumoRuleSet,
} from '@olympiad/scoring';
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

/** What waits on every field of a stage: a maze table's running order, a sumo ring's next match. */
@Injectable()
export class FieldQueuesService {
  constructor(
    private readonly stages: StagesQuery,
    private readonly fieldsQuery: FieldsQuery,
    private readonly categoriesQuery: CategoriesQuery,
    private readonly judges: JudgesQuery,
    private readonly teamsQuery: TeamsQuery,
    private readonly schools: SchoolsQuery,
    private readonly ledger: LedgerQuery,
    private readonly runs: RunsQuery,
  ) {}

  async list(stageId: string): Promise<FieldQueue[]> {
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
        base.teams = queue.map((entry): FieldQueueTeam => ({
          ...entry,
          school: schoolById.get(teamById.get(entry.teamId)?.schoolId ?? '')?.name ?? '',
        }));
        base.lastRun = this.runCheck(lastRuns.get(field.id) ?? null, byId, recordsOf);
      }
      if (field.discipline === 'sumo')
        base.nextMatch = this.nextMatch(fieldCategories, teams, schoolById, recordsOf);
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

  /** The first category of the ring (in category order) with a match to play. */
  private nextMatch(
    categories: CategoryRow[],
    teams: TeamRow[],
    schoolById: Map<string, SchoolRow>,
    recordsOf: Map<string, LedgerRecord[]>,
  ): FieldQueueMatch | null {
    for (const category of categories) {
      const refs = teams
        .filter((team) => team.categoryId === category.id)
        .map((team) => ({
          id: team.id,
          name: team.name,
          schoolId: team.schoolId,
          regionCode: schoolById.get(team.schoolId)?.regionCode ?? null,
          status: team.status,
        }));
      const match = nextSumoMatch(
        sumoTournamentOf(category.ruleSet as SumoRuleSet, refs, recordsOf.get(category.id) ?? []),
      );
      if (!match) continue;
      const nameOf = (id: string) => refs.find((team) => team.id === id)?.name ?? '';
      return {
        categoryId: category.id,
        matchId: match.id,
        a: { teamId: match.a, name: nameOf(match.a) },
        b: { teamId: match.b, name: nameOf(match.b) },
        underWay: match.status !== 'ready',
      };
    }
    return null;
  }
}
