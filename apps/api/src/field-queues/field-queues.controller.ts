import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes } from '@olympiad/contracts';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { Route } from '../common/routes/route.decorator';
import { FieldQueuesService } from './field-queues.service';

@ApiTags('fields')
@ApiBearerAuth()
@Controller()
export class FieldQueuesController {
  constructor(private readonly queues: FieldQueuesService) {}

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.fieldQueues.list)
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, stageId);
    return this.queues.list(stageId);
  }
}
