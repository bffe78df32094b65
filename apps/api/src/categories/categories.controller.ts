import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { RULE_SET_PRESETS } from '@olympiad/scoring';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { Route } from '../common/routes/route.decorator';
import { LiveService } from '../live/live.service';
import { CategoriesService } from './categories.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateCategoryDto extends createZodDto(routeTable.categories.create.body) {}
class UpdateParamsDto extends createZodDto(routeTable.categories.updateParams.body) {}

@ApiTags('categories')
@ApiBearerAuth()
@Controller()
export class CategoriesController {
  constructor(
    private readonly categories: CategoriesService,
    private readonly live: LiveService,
  ) {}

  @Public()
  @Route(routes.categories.presets)
  presets(@Query('discipline') discipline?: string) {
    return RULE_SET_PRESETS.filter((preset) => !discipline || preset.discipline === discipline);
  }

  @WritesStage({ body: 'stageId' })
  @Route(routes.categories.create)
  async create(@Body() body: CreateCategoryDto) {
    const category = await this.categories.create(body);
    await this.live.stageChanged(category.stageId);
    return category;
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.categories.list)
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, stageId);
    return this.categories.listForStage(stageId);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.categories.get)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.categories.get(id, actor);
  }

  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.categories.updateParams)
  updateParams(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateParamsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.categories.updateParams(id, body.params, actor);
  }

  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.categories.lock)
  lock(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.changed(this.categories.setLocked(id, actor, true));
  }

  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.categories.unlock)
  unlock(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.changed(this.categories.setLocked(id, actor, false));
  }

  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.categories.publish)
  publish(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.changed(this.categories.setPublished(id, actor, true));
  }

  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.categories.unpublish)
  unpublish(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.changed(this.categories.setPublished(id, actor, false));
  }

  private async changed<T extends { id: string; stageId: string }>(update: Promise<T>): Promise<T> {
    const category = await update;
    await this.live.categoryChanged(category.id);
    return category;
  }
}
