import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes } from '@olympiad/contracts';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { Route } from '../common/routes/route.decorator';
import { FieldQueuesService } from './field-queues.service';
import { RingNextMatchService } from './ring-next-match.service';

@ApiTags('fields')
@ApiBearerAuth()
@Controller()
export class FieldQueuesController {
  constructor(
    private readonly queues: FieldQueuesService,
    private readonly ringNext: RingNextMatchService,
  ) {}

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.fieldQueues.list)
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, stageId);
    return this.queues.list(stageId);
  }

  /** The ring's judge asks for its next match; the answer is stored so no other ring gets it. */
  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.fieldQueues.nextMatch)
  nextMatch(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @Param('fieldId', ParseUUIDPipe) fieldId: string,
    @CurrentActor() actor: Actor,
  ) {
    assertStageAccess(actor, stageId);
    // A judge's blind entries (docs/rules.md#double-entry) decide what they are offered.
    return this.ringNext.call(
      stageId,
      fieldId,
      Date.now(),
      actor.role === 'judge' ? actor.id : null,
    );
  }
}
