import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { CategoryEntity } from '../categories/category.entity';
import { ApiError, notFound } from '../common/api-error';
import { AwardsService } from '../awards/awards.service';
import { LiveService } from '../live/live.service';
import { publicSnapshot } from '../live/public-rows';
import { publicBracket } from './public-bracket';
import { StageEntity } from '../stages/stage.entity';
import { QualificationEntryEntity } from '../qualification/qualification-entry.entity';
import { StandingsService } from '../standings/standings.service';
import { TeamEntity } from '../teams/team.entity';

/** What anyone may read: stages that are live or closed, and published categories only. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    private readonly live: LiveService,
    private readonly standings: StandingsService,
    private readonly awards: AwardsService,
  ) {}

  @Get('stages')
  async stagesList() {
    const stages = await this.stages.find({ where: { status: Not('draft') }, order: { startsOn: 'ASC', name: 'ASC' } });
    return stages.map(({ code, name, kind, regionCode, status, startsOn, endsOn }) => ({
      code,
      name,
      kind,
      regionCode,
      status,
      startsOn,
      endsOn,
    }));
  }

  @Get('stages/:code')
  async stage(@Param('code') code: string) {
    const stage = await this.stages.findOneBy({ code: code.toUpperCase(), status: Not('draft') });
    if (!stage) throw notFound('Stage', code);
    return this.live.stageSnapshot(stage, false);
  }

  /** Awards ceremonies under way on the stage: only the places revealed so far. */
  @Get('stages/:code/awards')
  async stageAwards(@Param('code') code: string) {
    const stage = await this.stages.findOneBy({ code: code.toUpperCase(), status: Not('draft') });
    if (!stage) throw notFound('Stage', code);
    return this.awards.activeForStage(stage.id);
  }

  /**
   * Qualifiers as the organiser sent them on (issue 6's regional and republic pages): for a
   * regional stage the teams it sent to the republic stage, for the republic stage everyone it
   * received. Nothing until the organiser's qualification action has run.
   */
  @Get('stages/:code/qualifiers')
  async qualifiers(@Param('code') code: string) {
    const stage = await this.stages.findOneBy({ code: code.toUpperCase(), status: Not('draft') });
    if (!stage) throw notFound('Stage', code);
    const manager = this.stages.manager;
    const entries = await manager.find(QualificationEntryEntity, {
      where: stage.kind === 'republic' ? { targetStageId: stage.id } : { sourceStageId: stage.id },
      order: { enteredAt: 'ASC' },
    });
    const teams = await manager.find(TeamEntity, {
      where: { id: In(entries.map((entry) => entry.sourceTeamId)) },
      relations: { school: true, category: true },
    });
    const stageNames = new Map(
      (await this.stages.findBy({ id: In([...new Set(entries.flatMap((entry) => [entry.sourceStageId, entry.targetStageId]))]) })).map((s) => [s.id, s.name]),
    );
    return entries.map((entry) => {
      const team = teams.find((candidate) => candidate.id === entry.sourceTeamId);
      return {
        team: team?.name ?? '',
        school: team?.school?.name ?? '',
        category: team?.category?.name ?? '',
        fromStage: stageNames.get(entry.sourceStageId) ?? '',
        toStage: stageNames.get(entry.targetStageId) ?? '',
        reason: entry.reason,
      };
    });
  }

  /** A published sumo category's playoff (the hall screen's bracket view); embargoed like its standings. */
  @Get('categories/:id/bracket')
  async categoryBracket(@Param('id', ParseUUIDPipe) id: string) {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw notFound('Category', id);
    if (!category.published) throw new ApiError(404, 'live.notPublished', 'These results are not published yet');
    if (category.discipline !== 'sumo') throw new ApiError(404, 'errors.notFound', 'Only a sumo category has a bracket');
    return publicBracket(this.categories.manager, category);
  }

  @Get('categories/:id/standings')
  async categoryStandings(@Param('id', ParseUUIDPipe) id: string) {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw notFound('Category', id);
    if (!category.published) {
      throw new ApiError(404, 'live.notPublished', 'These results are not published yet');
    }
    return publicSnapshot(await this.standings.snapshot(id));
  }
}
