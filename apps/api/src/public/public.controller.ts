import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { CategoryEntity } from '../categories/category.entity';
import { ApiError, notFound } from '../common/api-error';
import { LiveService } from '../live/live.service';
import { StageEntity } from '../stages/stage.entity';
import { StandingsService } from '../standings/standings.service';

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

  @Get('categories/:id/standings')
  async categoryStandings(@Param('id', ParseUUIDPipe) id: string) {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw notFound('Category', id);
    if (!category.published) {
      throw new ApiError(404, 'live.notPublished', 'These results are not published yet');
    }
    return this.standings.snapshot(id);
  }
}
