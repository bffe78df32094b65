import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REGIONS } from '@olympiad/contracts';
import type { RuleSet, StandingRow } from '@olympiad/scoring';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoryEntity } from '../categories/category.entity';
import { notFound } from '../common/api-error';
import { JudgeAssignmentEntity } from '../judges/judge-assignment.entity';
import { JudgeEntity } from '../judges/judge.entity';
import { OlympiadEntity } from '../olympiads/olympiad.entity';
import { StageEntity } from '../stages/stage.entity';
import { StandingsService } from '../standings/standings.service';
import { TeamEntity } from '../teams/team.entity';

export interface ResultRow extends StandingRow {
  team: string;
  school: string;
  regionCode: string | null;
  town: string;
  coach: string;
  members: { name: string; grade: number }[];
}

/** Everything a protocol, a diploma or an export prints about one category, read in one place. */
export interface CategoryResults {
  olympiad: { name: string; season: string };
  stage: { id: string; name: string; kind: string; code: string; venue: string; startsOn: string; endsOn: string; regionName: { kk: string; ru: string } | null };
  category: { id: string; name: string; discipline: string; ageGroupLabel: string; status: string; published: boolean; preset: string; ruleSet: RuleSet; standingsVersion: number };
  rows: ResultRow[];
  judges: { name: string; role: 'head-judge' | 'judge' }[];
}

@Injectable()
export class CategoryResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standings: StandingsService,
  ) {}

  async load(categoryId: string, actor?: Actor): Promise<CategoryResults> {
    const manager = this.dataSource.manager;
    const category = await manager.findOneBy(CategoryEntity, { id: categoryId });
    if (!category) throw notFound('Category', categoryId);
    if (actor) assertStageAccess(actor, category.stageId);
    const stage = await manager.findOneByOrFail(StageEntity, { id: category.stageId });
    const olympiad = await manager.findOneByOrFail(OlympiadEntity, { id: stage.olympiadId });
    const snapshot = await this.standings.snapshot(categoryId);
    const teams = await manager.find(TeamEntity, { where: { categoryId }, relations: { school: true, members: true }, order: { members: { position: 'ASC' } } });
    const teamById = new Map(teams.map((team) => [team.id, team]));
    const rows = snapshot.standings.rows.map((row): ResultRow => {
      const team = teamById.get(row.teamId);
      return {
        ...row,
        team: team?.name ?? '',
        school: team?.school?.name ?? '',
        regionCode: team?.school?.regionCode ?? null,
        town: team?.school?.town ?? '',
        coach: team?.coach ?? '',
        members: (team?.members ?? []).map((member) => ({ name: member.name, grade: member.grade })),
      };
    });

    // The category's own judges, and the stage's head judges, who sign every protocol.
    const assigned = await manager.find(JudgeAssignmentEntity, { where: { categoryId } });
    const judges = await manager.find(JudgeEntity, { where: [{ id: In(assigned.map((a) => a.judgeId)) }, { stageId: stage.id, role: 'head-judge' }], order: { name: 'ASC' } });
    const region = REGIONS.find((candidate) => candidate.code === stage.regionCode);
    return {
      olympiad: { name: olympiad.name, season: olympiad.season },
      stage: { id: stage.id, name: stage.name, kind: stage.kind, code: stage.code, venue: stage.venue, startsOn: stage.startsOn, endsOn: stage.endsOn, regionName: region ? { kk: region.name.kk, ru: region.name.ru } : null },
      category: {
        id: category.id,
        name: category.name,
        discipline: category.discipline,
        ageGroupLabel: category.ageGroupLabel,
        status: category.status,
        published: category.published,
        preset: category.preset,
        ruleSet: category.ruleSet,
        standingsVersion: snapshot.version,
      },
      rows,
      judges: judges.filter((judge) => judge.active).map((judge) => ({ name: judge.name, role: judge.role })),
    };
  }

  async categoryIdsOfStage(stageId: string, actor?: Actor): Promise<string[]> {
    const stage = await this.dataSource.manager.findOneBy(StageEntity, { id: stageId });
    if (!stage) throw notFound('Stage', stageId);
    if (actor) assertStageAccess(actor, stageId);
    const categories = await this.dataSource.manager.find(CategoryEntity, { where: { stageId }, order: { name: 'ASC' } });
    return categories.map((category) => category.id);
  }
}
