import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ageGroupOf,
  qualify,
  QUALIFICATION_DEFAULT,
  type QualificationRule,
  type Wildcard,
} from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditRecorder } from '../audit/audit-recorder';
import type { Actor } from '../auth/actor';
import { CategoriesQuery } from '../categories/categories.query';
import { CategoriesStore } from '../categories/categories.store';
import { conflict, invalid, notFound } from '../common/api-error';
import { StagesQuery, type StageRow } from '../stages/stages.query';
import { CategoryTeams } from '../standings/category-teams';
import { assertSettled } from '../standings/assert-settled';
import { StandingsService } from '../standings/standings.service';
import { RecomputeStandingsUseCase } from '../standings/recompute-standings.use-case';
import { TeamsQuery } from '../teams/teams.query';
import { TeamsStore } from '../teams/teams.store';
import { QualificationEntryEntity } from './qualification-entry.entity';
import { QualificationRuleEntity } from './qualification-rule.entity';

export interface QualificationRequest {
  rule?: QualificationRule;
  wildcards: Wildcard[];
}

/**
 * From a closed regional stage to the republic stage: the rules (libs/scoring `qualify`) decide
 * from the final standings, the organiser adds wildcards with a reason, and one action enters the
 * qualified teams (with their members and school) into the republic stage's matching categories.
 */
@Injectable()
export class QualificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standings: StandingsService,
    private readonly recompute: RecomputeStandingsUseCase,
    private readonly stages: StagesQuery,
    private readonly categories: CategoriesQuery,
    private readonly categoriesStore: CategoriesStore,
    private readonly teams: TeamsQuery,
    private readonly teamsStore: TeamsStore,
    private readonly categoryTeams: CategoryTeams,
    private readonly audit: AuditRecorder,
  ) {}

  async preview(stageId: string, request: QualificationRequest) {
    const stage = await this.stage(stageId);
    const categories = await this.categories.categoriesOfStageByName(stageId);
    // A team's age group is its oldest member's grade's band (libs/scoring age-groups), so a rule
    // per age group splits a category open to several groups (docs/qualification-rules.md).
    const ageGroups = new Map(
      (await this.teams.teamsOfStageWithMembers(stageId)).map((team) => [
        team.id,
        ageGroupOf((team.members ?? []).map((member) => member.grade)),
      ]),
    );
    const inputs = [];
    for (const category of categories) {
      inputs.push({
        categoryId: category.id,
        discipline: category.discipline,
        standings: (await this.standings.snapshot(category.id)).standings,
        teams: (await this.categoryTeams.refs(category.id)).map((team) => ({
          ...team,
          ageGroup: ageGroups.get(team.id) ?? null,
        })),
      });
    }
    for (const wildcard of request.wildcards) {
      const input = inputs.find((candidate) => candidate.categoryId === wildcard.categoryId);
      if (!input?.teams.some((team) => team.id === wildcard.teamId)) {
        throw invalid(
          `wildcards: team ${wildcard.teamId} is not in category ${wildcard.categoryId} of this stage`,
          [
            {
              path: 'wildcards',
              key: 'qualification.unknownWildcard',
              message: 'not a team of this stage',
            },
          ],
          'qualification.unknownWildcard',
        );
      }
    }
    const decisions = qualify(request.rule ?? QUALIFICATION_DEFAULT, inputs, request.wildcards);
    const teamById = new Map(
      Object.entries(await this.categoryTeams.labelsOf(await this.teams.teamsOfStage(stageId))),
    );
    const categoryById = new Map(categories.map((category) => [category.id, category]));
    return {
      stage: { id: stage.id, name: stage.name, status: stage.status },
      rule: request.rule ?? QUALIFICATION_DEFAULT,
      decisions: decisions.map((decision) => ({
        ...decision,
        team: teamById.get(decision.teamId)?.name ?? '',
        school: teamById.get(decision.teamId)?.school ?? '',
        category: categoryById.get(decision.categoryId)?.name ?? '',
      })),
    };
  }

  /** Enters the qualified teams; running it again enters nobody twice. */
  async enter(stageId: string, targetStageId: string, request: QualificationRequest, actor: Actor) {
    const source = await this.stage(stageId);
    if (source.status !== 'closed')
      throw conflict(
        'qualification.stageNotClosed',
        `Close the stage ${source.code} before sending its qualifiers on`,
      );
    const target = await this.stage(targetStageId);
    if (target.kind !== 'republic' || target.olympiadId !== source.olympiadId) {
      throw invalid(
        'targetStageId: the republic stage of the same olympiad',
        [
          {
            path: 'targetStageId',
            key: 'qualification.notRepublic',
            message: 'not the republic stage of this olympiad',
          },
        ],
        'qualification.notRepublic',
      );
    }
    if (target.status === 'closed')
      throw conflict('qualification.targetClosed', `The stage ${target.code} is closed`);
    // A team whose attempt is still unsettled has no place yet: another would go on in its stead.
    for (const category of await this.categories.categoriesOfStage(stageId))
      assertSettled((await this.standings.snapshot(category.id)).standings.rows);
    const { decisions, rule } = await this.preview(stageId, request);
    const qualified = decisions.filter((decision) => decision.qualified);

    const now = new Date().toISOString();
    const outcome = await this.dataSource.transaction(async (tx) => {
      // The rule of the latest run is kept; the public list states it for the entries made since
      // it was first used, not for those an earlier, different rule let through
      // (docs/qualification-rules.md).
      const ruleText = JSON.stringify(rule);
      const kept = await tx.findOneBy(QualificationRuleEntity, {
        targetStageId,
        sourceStageId: stageId,
      });
      await tx.save(QualificationRuleEntity, {
        targetStageId,
        sourceStageId: stageId,
        rule: ruleText,
        setBy: actor.name.slice(0, 60),
        setAt: kept?.rule === ruleText ? kept.setAt : now,
      });
      const already = new Set(
        (
          await tx.find(QualificationEntryEntity, {
            where: {
              targetStageId,
              sourceTeamId: In(qualified.map((decision) => decision.teamId)),
            },
          })
        ).map((entry) => entry.sourceTeamId),
      );
      const sourceCategories = await this.categories.categoriesOfStage(stageId, tx);
      const targetCategories = await this.categories.categoriesOfStage(targetStageId, tx);
      const createdCategories: string[] = [];
      const touched = new Set<string>();
      const entered: { team: string; category: string; reason: string }[] = [];
      for (const decision of qualified) {
        if (already.has(decision.teamId)) continue;
        const sourceCategory = sourceCategories.find(
          (category) => category.id === decision.categoryId,
        );
        const team = await this.teams.teamWithMembers(decision.teamId, tx);
        if (!sourceCategory || !team) continue;
        // The republic category of the same discipline and age group, created from the regional one when missing.
        let targetCategory = targetCategories.find(
          (category) =>
            category.discipline === sourceCategory.discipline &&
            category.minGrade === sourceCategory.minGrade &&
            category.maxGrade === sourceCategory.maxGrade &&
            category.preset === sourceCategory.preset,
        );
        if (!targetCategory) {
          targetCategory = await this.categoriesStore.copyToStage(
            sourceCategory,
            targetStageId,
            tx,
          );
          targetCategories.push(targetCategory);
          createdCategories.push(targetCategory.name);
        }
        const targetTeamId = randomUUID();
        await this.teamsStore.insertTeams(
          [
            {
              id: targetTeamId,
              stageId: targetStageId,
              categoryId: targetCategory.id,
              schoolId: team.schoolId,
              name: team.name,
              coach: team.coach,
              status: 'active',
            },
          ],
          tx,
        );
        const members = (team.members ?? []).map((member) => ({
          id: randomUUID(),
          teamId: targetTeamId,
          name: member.name,
          grade: member.grade,
          position: member.position,
        }));
        if (members.length > 0) await this.teamsStore.insertMembers(members, tx);
        await tx.insert(QualificationEntryEntity, {
          id: randomUUID(),
          sourceStageId: stageId,
          sourceTeamId: team.id,
          targetStageId,
          targetTeamId,
          reason: decision.reason,
          note: decision.message.slice(0, 500),
          enteredBy: actor.name.slice(0, 60),
          enteredAt: now,
        });
        await this.audit.record(
          {
            actor,
            stageId,
            object: { kind: 'team', id: team.id, name: team.name },
            action: 'qualification.decide',
            after: {
              targetStageId,
              targetTeamId,
              targetCategoryId: targetCategory.id,
              reason: decision.reason,
              note: decision.message.slice(0, 500),
            },
          },
          tx,
        );
        touched.add(targetCategory.id);
        entered.push({ team: team.name, category: targetCategory.name, reason: decision.reason });
      }
      return { entered, alreadyEntered: already.size, createdCategories, touched: [...touched] };
    });
    for (const categoryId of outcome.touched) await this.recompute.execute(categoryId);
    return {
      entered: outcome.entered,
      alreadyEntered: outcome.alreadyEntered,
      createdCategories: outcome.createdCategories,
    };
  }

  /** The republic stage's entry list: who came from where, and why. */
  async entries(targetStageId: string) {
    await this.stage(targetStageId);
    const entries = await this.dataSource.manager.find(QualificationEntryEntity, {
      where: { targetStageId },
      order: { enteredAt: 'ASC' },
    });
    const teams = await this.teams.teamsByIds(entries.map((entry) => entry.targetTeamId));
    const schools = await this.categoryTeams.schoolsOf(teams);
    const categories = await this.categories.categoriesByIds([
      ...new Set(teams.map((team) => team.categoryId)),
    ]);
    const stages = await this.stages.stagesByIds([
      ...new Set(entries.map((entry) => entry.sourceStageId)),
    ]);
    return entries.map((entry) => {
      const team = teams.find((candidate) => candidate.id === entry.targetTeamId);
      return {
        team: team?.name ?? '',
        school: schools.get(team?.schoolId ?? '')?.name ?? '',
        category: categories.find((category) => category.id === team?.categoryId)?.name ?? '',
        fromStage: stages.find((stage) => stage.id === entry.sourceStageId)?.name ?? '',
        reason: entry.reason,
        note: entry.note,
        enteredBy: entry.enteredBy,
        enteredAt: entry.enteredAt,
      };
    });
  }

  private async stage(id: string): Promise<StageRow> {
    const stage = await this.stages.stageById(id);
    if (!stage) throw notFound('Stage', id);
    return stage;
  }
}
