import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
import { DataSource, In } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { notFound } from '../common/api-error';
import { FieldEntity } from '../fields/field.entity';
import { JudgeEntity } from '../judges/judge.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { FieldRunEntity } from '../runs/field-run.entity';
import { StageEntity } from '../stages/stage.entity';
import { toLedgerRecord } from '../standings/standings.service';
import { TeamEntity } from '../teams/team.entity';
import { categoriesOfFields } from './field-categories';

/** What waits on every field of a stage: a maze table's running order, a sumo ring's next match. */
@Injectable()
export class FieldQueuesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(stageId: string): Promise<FieldQueue[]> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(StageEntity, { id: stageId }))) throw notFound('Stage', stageId);
    const fields = await manager.find(FieldEntity, { where: { stageId }, order: { name: 'ASC' } });
    const categories = await manager.find(CategoryEntity, {
      where: { stageId },
      order: { discipline: 'ASC', minGrade: 'ASC', name: 'ASC' },
    });
    const judges = await manager.find(JudgeEntity, {
      where: { stageId },
      relations: { assignments: true },
    });
    const onField = categoriesOfFields(
      fields,
      categories,
      judges.map((judge) => ({
        active: judge.active,
        categoryIds: (judge.assignments ?? []).flatMap((a) => (a.categoryId ? [a.categoryId] : [])),
        fieldIds: (judge.assignments ?? []).flatMap((a) => (a.fieldId ? [a.fieldId] : [])),
      })),
    );
    const used = [...new Set([...onField.values()].flat())];
    const teams =
      used.length > 0
        ? await manager.find(TeamEntity, {
            where: { categoryId: In(used) },
            relations: { school: true },
          })
        : [];
    const entries =
      used.length > 0
        ? await manager.find(LedgerEntryEntity, {
            where: { categoryId: In(used) },
            order: { seq: 'ASC' },
          })
        : [];
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
    const lastRuns = new Map<string, FieldRunEntity | null>();
    for (const field of mazeFields)
      lastRuns.set(
        field.id,
        await manager.findOne(FieldRunEntity, {
          where: { fieldId: field.id },
          order: { armedAt: 'DESC' },
        }),
      );

    return fields.map((field) => {
      const ids = onField.get(field.id) ?? [];
      const fieldCategories = ids
        .map((id) => byId.get(id))
        .filter((category): category is CategoryEntity => Boolean(category));
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
          school: teamById.get(entry.teamId)?.school?.name ?? '',
        }));
        base.lastRun = this.runCheck(lastRuns.get(field.id) ?? null, byId, recordsOf);
      }
      if (field.discipline === 'sumo')
        base.nextMatch = this.nextMatch(fieldCategories, teams, recordsOf);
      return base;
    });
  }

  /** A finished run's attempt as the ledger has it now, so the console follows the judge's confirmation. */
  private runCheck(
    run: FieldRunEntity | null,
    categories: Map<string, CategoryEntity>,
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
    categories: CategoryEntity[],
    teams: TeamEntity[],
    recordsOf: Map<string, LedgerRecord[]>,
  ): FieldQueueMatch | null {
    for (const category of categories) {
      const refs = teams
        .filter((team) => team.categoryId === category.id)
        .map((team) => ({
          id: team.id,
          name: team.name,
          schoolId: team.schoolId,
          regionCode: team.school?.regionCode ?? null,
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
