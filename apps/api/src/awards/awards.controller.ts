import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { AwardsService } from './awards.service';
import { WritesStage } from '../federation/writes-stage.guard';

class StartAwardsDto extends createZodDto(routeTable.awards.start.body) {}

/** The organiser (or head judge) runs the awards reveal of a category from the console. */
@ApiTags('awards')
@ApiBearerAuth()
@Roles('organiser', 'head-judge')
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Route(routes.awards.list)
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    return this.awards.forStage(stageId, actor);
  }

  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.awards.start)
  start(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StartAwardsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.awards.start(id, body.podium ?? 3, actor);
  }

  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.awards.reveal)
  reveal(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.awards.reveal(id, actor);
  }

  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.awards.end)
  end(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.awards.end(id, actor);
  }
}
