import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { stageReach } from '../auth/staff-reach';
import { assertStageAccess } from '../auth/stage-access';
import { Route } from '../common/routes/route.decorator';
import { StagesService } from './stages.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateStageDto extends createZodDto(routeTable.stages.create.body) {}
class UpdateStageDto extends createZodDto(routeTable.stages.update.body) {}

@ApiTags('stages')
@ApiBearerAuth()
@Controller()
export class StagesController {
  constructor(private readonly stages: StagesService) {}

  @Route(routes.stages.list)
  async list(@CurrentActor() actor: Actor, @Query('olympiadId') olympiadId?: string) {
    const stages = await this.stages.list(olympiadId);
    // A coordinator sees the stages granted (docs/security.md#staff-accounts).
    const reach = stageReach(actor);
    return reach ? stages.filter((stage) => reach.includes(stage.id)) : stages;
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.stages.get)
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, id);
    return this.stages.get(id);
  }

  @Route(routes.stages.create)
  create(@Body() body: CreateStageDto) {
    return this.stages.create(body);
  }

  @WritesStage({ param: 'id' })
  @Route(routes.stages.update)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateStageDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.stages.update(id, body, actor);
  }
}
