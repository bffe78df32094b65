import { Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, Not, Repository } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { CategoryEntity } from '../categories/category.entity';
import { ApiError, notFound } from '../common/api-error';
import { routes, type PublicStageSummary, type PublicStageSync } from '@olympiad/contracts';
import { AwardsService } from '../awards/awards.service';
import { OlympiadEntity } from '../olympiads/olympiad.entity';
import { OlympiadLogoService } from '../olympiads/olympiad-logo.service';
import { LiveService } from '../live/live.service';
import { publicSnapshot } from '../live/public-rows';
import { publicBracket } from './public-bracket';
import { StageEntity } from '../stages/stage.entity';
import { QualificationEntryEntity } from '../qualification/qualification-entry.entity';
import { StandingsService } from '../standings/standings.service';
import { TeamEntity } from '../teams/team.entity';
import { VenueLinkEntity } from '../federation/venue-link.entity';
import { Route } from '../common/routes/route.decorator';

/** A stage that a regional venue sends here: whether it is linked and how fresh its results are. */
function publicSync(link: VenueLinkEntity | undefined): PublicStageSync | null {
  if (!link) return null;
  return {
    linked: link.publicKey !== null,
    resultsAsOf: link.lastDataAt,
    lastContactAt: link.lastContactAt,
  };
}

/** What anyone may read: stages that are live or closed, and published categories only. */
@ApiTags('public')
@Public()
@Controller()
export class PublicController {
  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    private readonly live: LiveService,
    private readonly standings: StandingsService,
    private readonly awards: AwardsService,
    private readonly logos: OlympiadLogoService,
  ) {}

  /**
   * The olympiad's logo, cacheable for good (its address changes with every upload). An SVG is
   * shown through <img>, where scripts never run; the policy below keeps it inert if opened directly.
   */
  @Route(routes.olympiads.logo)
  async olympiadLogo(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const logo = await this.logos.get(id);
    response
      .set({
        'Content-Type': logo.contentType,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      })
      .send(logo.bytes);
  }

  @Route(routes.public.stages)
  async stagesList(): Promise<PublicStageSummary[]> {
    const stages = await this.stages.find({
      where: { status: Not('draft') },
      order: { startsOn: 'ASC', name: 'ASC' },
    });
    const manager = this.stages.manager;
    const olympiads = await manager.findBy(OlympiadEntity, {
      id: In([...new Set(stages.map((stage) => stage.olympiadId))]),
    });
    const links = await manager.findBy(VenueLinkEntity, {
      stageId: In(stages.map((stage) => stage.id)),
    });
    const { entries } = await this.visibleQualifications({});
    const sent = countBy(entries.map((entry) => entry.sourceStageId));
    const received = countBy(entries.map((entry) => entry.targetStageId));
    return stages.flatMap(
      ({ id, code, name, kind, regionCode, status, startsOn, endsOn, olympiadId }) => {
        const olympiad = olympiads.find((candidate) => candidate.id === olympiadId);
        if (!olympiad || status === 'draft') return [];
        return [
          {
            code,
            name,
            kind,
            regionCode,
            status,
            startsOn,
            endsOn,
            olympiad: { id: olympiad.id, name: olympiad.name, season: olympiad.season },
            qualifiers: (kind === 'republic' ? received : sent).get(id) ?? 0,
            sync: publicSync(links.find((link) => link.stageId === id)),
          },
        ];
      },
    );
  }

  @Route(routes.public.stage)
  async stage(@Param('code') code: string) {
    const stage = await this.stages.findOneBy({ code: code.toUpperCase(), status: Not('draft') });
    if (!stage) throw notFound('Stage', code);
    return this.live.stageSnapshot(stage, false);
  }

  /** Awards ceremonies under way on the stage: only the places revealed so far. */
  @Route(routes.public.stageAwards)
  async stageAwards(@Param('code') code: string) {
    const stage = await this.stages.findOneBy({ code: code.toUpperCase(), status: Not('draft') });
    if (!stage) throw notFound('Stage', code);
    return this.awards.activeForStage(stage.id);
  }

  /**
   * Qualifiers as the organiser sent them on, for the regional and republic pages: for a
   * regional stage the teams it sent to the republic stage, for the republic stage everyone it
   * received. Nothing until the organiser's qualification action has run.
   */
  @Route(routes.public.qualifiers)
  async qualifiers(@Param('code') code: string) {
    const stage = await this.stages.findOneBy({ code: code.toUpperCase(), status: Not('draft') });
    if (!stage) throw notFound('Stage', code);
    const { entries, teams, stages } = await this.visibleQualifications(
      stage.kind === 'republic' ? { targetStageId: stage.id } : { sourceStageId: stage.id },
    );
    const stageName = (id: string) => stages.find((candidate) => candidate.id === id)?.name ?? '';
    return entries.map((entry) => {
      const team = teams.find((candidate) => candidate.id === entry.sourceTeamId);
      return {
        team: team?.name ?? '',
        school: team?.school?.name ?? '',
        category: team?.category?.name ?? '',
        fromStage: stageName(entry.sourceStageId),
        toStage: stageName(entry.targetStageId),
        reason: entry.reason,
      };
    });
  }

  /**
   * Qualification entries the public may see: from a category whose results are published, into
   * a stage that is no longer a draft. Anything else would reveal embargoed results.
   */
  private async visibleQualifications(where: FindOptionsWhere<QualificationEntryEntity>) {
    const manager = this.stages.manager;
    const all = await manager.find(QualificationEntryEntity, {
      where,
      order: { enteredAt: 'ASC' },
    });
    const teams = await manager.find(TeamEntity, {
      where: { id: In(all.map((entry) => entry.sourceTeamId)) },
      relations: { school: true, category: true },
    });
    const stages = await this.stages.findBy({
      id: In([...new Set(all.flatMap((entry) => [entry.sourceStageId, entry.targetStageId]))]),
    });
    const entries = all.filter((entry) => {
      const team = teams.find((candidate) => candidate.id === entry.sourceTeamId);
      const target = stages.find((candidate) => candidate.id === entry.targetStageId);
      return (
        team?.category?.published === true && target !== undefined && target.status !== 'draft'
      );
    });
    return { entries, teams, stages };
  }

  /** A published sumo category's playoff (the hall screen's bracket view); embargoed like its standings. */
  @Route(routes.public.categoryBracket)
  async categoryBracket(@Param('id', ParseUUIDPipe) id: string) {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw notFound('Category', id);
    if (!category.published)
      throw new ApiError(404, 'live.notPublished', 'These results are not published yet');
    if (category.discipline !== 'sumo')
      throw new ApiError(404, 'errors.notFound', 'Only a sumo category has a bracket');
    return publicBracket(this.categories.manager, category);
  }

  @Route(routes.public.categoryStandings)
  async categoryStandings(@Param('id', ParseUUIDPipe) id: string) {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw notFound('Category', id);
    if (!category.published) {
      throw new ApiError(404, 'live.notPublished', 'These results are not published yet');
    }
    return publicSnapshot(await this.standings.snapshot(id));
  }
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
