import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { Route } from '../common/routes/route.decorator';
import { FieldsService } from './fields.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateFieldDto extends createZodDto(routeTable.fields.create.body) {}
class SetFieldGatesDto extends createZodDto(routeTable.fields.setGates.body) {}

@ApiTags('fields')
@ApiBearerAuth()
@Controller()
export class FieldsController {
  constructor(private readonly fields: FieldsService) {}

  @WritesStage({ body: 'stageId' })
  @Route(routes.fields.create)
  create(@Body() body: CreateFieldDto) {
    return this.fields.create(body);
  }

  /** Which device is the start gate and which the finish (docs/sensor-contract.md#gate-layout). */
  @WritesStage({ param: 'fieldId', of: 'field' })
  @Route(routes.fields.setGates)
  setGates(@Param('fieldId', ParseUUIDPipe) fieldId: string, @Body() body: SetFieldGatesDto) {
    return this.fields.setGates(fieldId, body);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.fields.list)
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    assertStageAccess(actor, stageId);
    return this.fields.list(stageId);
  }
}
