import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createCategorySchema } from '@olympiad/contracts';
import { RULE_SET_PRESETS } from '@olympiad/scoring';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { LiveService } from '../live/live.service';
import { CategoriesService } from './categories.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateCategoryDto extends createZodDto(createCategorySchema) {}
class UpdateParamsDto extends createZodDto(z.object({ params: z.record(z.string(), z.unknown()) }).strict()) {}

@ApiTags('categories')
@ApiBearerAuth()
@Controller()
export class CategoriesController {
  constructor(
    private readonly categories: CategoriesService,
    private readonly live: LiveService,
  ) {}

  @Public()
  @Get('rule-presets')
  presets(@Query('discipline') discipline?: string) {
    return RULE_SET_PRESETS.filter((preset) => !discipline || preset.discipline === discipline);
  }

  @WritesStage({ body: 'stageId' })
  @Post('categories')
  async create(@Body() body: CreateCategoryDto) {
    const category = await this.categories.create(body);
    await this.live.stageChanged(category.stageId);
    return category;
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Get('stages/:stageId/categories')
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, stageId);
    return this.categories.listForStage(stageId);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Get('categories/:id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.categories.get(id, actor);
  }

  @WritesStage({ param: 'id', of: 'category' })
  @Patch('categories/:id/params')
  updateParams(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateParamsDto) {
    return this.categories.updateParams(id, body.params);
  }

  @Roles('organiser', 'head-judge')
  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'category' })
  @Post('categories/:id/lock')
  lock(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.changed(this.categories.setLocked(id, actor, true));
  }

  @Roles('organiser', 'head-judge')
  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'category' })
  @Post('categories/:id/unlock')
  unlock(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.changed(this.categories.setLocked(id, actor, false));
  }

  @Roles('organiser', 'head-judge')
  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'category' })
  @Post('categories/:id/publish')
  publish(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.changed(this.categories.setPublished(id, actor, true));
  }

  @Roles('organiser', 'head-judge')
  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'category' })
  @Post('categories/:id/unpublish')
  unpublish(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.changed(this.categories.setPublished(id, actor, false));
  }

  private async changed<T extends { id: string; stageId: string }>(update: Promise<T>): Promise<T> {
    const category = await update;
    await this.live.categoryChanged(category.id);
    return category;
  }
}
