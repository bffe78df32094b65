import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { FieldQueuesService } from './field-queues.service';

@ApiTags('fields')
@ApiBearerAuth()
@Controller()
export class FieldQueuesController {
  constructor(private readonly queues: FieldQueuesService) {}

  /** Every field of the stage with its categories and what waits on it (maze running order, next sumo match). */
  @Roles('organiser', 'head-judge', 'judge')
  @Get('stages/:stageId/field-queues')
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, stageId);
    return this.queues.list(stageId);
  }
}
