import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { ArmRunUseCase } from './arm-run.use-case';
import { AttachSensorEventsUseCase } from './attach-sensor-events.use-case';
import { FieldRunQuery } from './field-run.query';
import { WritesStage } from '../federation/writes-stage.guard';

class ArmRunDto extends createZodDto(routeTable.runs.arm.body) {}
class AttachSensorEventsDto extends createZodDto(routeTable.runs.attach.body) {}

@ApiTags('runs')
@ApiBearerAuth()
@Roles('organiser', 'head-judge', 'judge')
@Controller()
export class RunsController {
  constructor(
    private readonly runs: FieldRunQuery,
    private readonly arming: ArmRunUseCase,
    private readonly attaching: AttachSensorEventsUseCase,
  ) {}

  @WritesStage({ param: 'fieldId', of: 'field' })
  @Route(routes.runs.arm)
  arm(
    @Param('fieldId', ParseUUIDPipe) fieldId: string,
    @Body() body: ArmRunDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.arming.arm(fieldId, body, actor);
  }

  @WritesStage({ param: 'fieldId', of: 'field' })
  @Route(routes.runs.cancel)
  cancel(@Param('fieldId', ParseUUIDPipe) fieldId: string, @CurrentActor() actor: Actor) {
    return this.arming.cancel(fieldId, actor);
  }

  @Route(routes.runs.current)
  async current(@Param('fieldId', ParseUUIDPipe) fieldId: string) {
    return this.runs.current(fieldId);
  }

  @Route(routes.runs.unassigned)
  unassigned(@Param('fieldId', ParseUUIDPipe) fieldId: string) {
    return this.runs.unassigned(fieldId);
  }

  @WritesStage({ param: 'fieldId', of: 'field' })
  @Route(routes.runs.attach)
  attach(
    @Param('fieldId', ParseUUIDPipe) fieldId: string,
    @Body() body: AttachSensorEventsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.attaching.execute(fieldId, body, actor);
  }
}
