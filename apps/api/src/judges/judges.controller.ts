import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { JudgesService } from './judges.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateJudgeDto extends createZodDto(routeTable.judges.create.body) {}
class UpdateJudgeDto extends createZodDto(routeTable.judges.update.body) {}

@ApiTags('judges')
@ApiBearerAuth()
@Controller()
export class JudgesController {
  constructor(private readonly judges: JudgesService) {}

  /** The answer carries the PIN once (for the printed card); it is never shown again. */
  @WritesStage({ body: 'stageId' })
  @Route(routes.judges.create)
  create(@Body() body: CreateJudgeDto, @CurrentActor() actor: Actor) {
    return this.judges.create(body, actor);
  }

  @WritesStage({ param: 'id', of: 'judge' })
  @Route(routes.judges.update)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateJudgeDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.judges.update(id, body, actor);
  }

  @WritesStage({ param: 'id', of: 'judge' })
  @Route(routes.judges.resetPin)
  resetPin(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.judges.resetPin(id, actor);
  }

  @Route(routes.judges.list)
  list(@Param('stageId', ParseUUIDPipe) stageId: string) {
    return this.judges.list(stageId);
  }
}
