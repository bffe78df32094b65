import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { SumoDrawService } from './sumo-draw.service';
import { WritesStage } from '../federation/writes-stage.guard';

class DrawDto extends createZodDto(routeTable.sumoDraw.draw.body) {}

@ApiTags('sumo')
@ApiBearerAuth()
@Controller()
export class SumoDrawController {
  constructor(private readonly draws: SumoDrawService) {}

  /** Organiser only: draw (or re-draw) the groups or bracket; the same seed gives the same draw. */
  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.sumoDraw.draw)
  draw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DrawDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.draws.draw(id, body.seed, actor);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.sumoDraw.bracket)
  bracket(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.draws.bracket(id, actor);
  }
}
