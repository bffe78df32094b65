import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { armRunSchema, attachSensorEventsSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ArmRunUseCase } from './arm-run.use-case';
import { AttachSensorEventsUseCase } from './attach-sensor-events.use-case';
import { RunTimingService } from './run-timing.service';
import { WritesStage } from '../federation/writes-stage.guard';

class ArmRunDto extends createZodDto(armRunSchema) {}
class AttachSensorEventsDto extends createZodDto(attachSensorEventsSchema) {}

@ApiTags('runs')
@ApiBearerAuth()
@Roles('organiser', 'head-judge', 'judge')
@Controller('fields/:fieldId')
export class RunsController {
  constructor(
    private readonly runs: RunTimingService,
    private readonly arming: ArmRunUseCase,
    private readonly attaching: AttachSensorEventsUseCase,
  ) {}

  /** Arms "team, attempt" on the field: its next start gate starts the clock. */
  @WritesStage({ param: 'fieldId', of: 'field' })
  @Post('runs')
  arm(
    @Param('fieldId', ParseUUIDPipe) fieldId: string,
    @Body() body: ArmRunDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.arming.arm(fieldId, body, actor);
  }

  @WritesStage({ param: 'fieldId', of: 'field' })
  @Delete('runs/current')
  cancel(@Param('fieldId', ParseUUIDPipe) fieldId: string, @CurrentActor() actor: Actor) {
    return this.arming.cancel(fieldId, actor);
  }

  @Get('run')
  async current(@Param('fieldId', ParseUUIDPipe) fieldId: string) {
    return this.runs.current(fieldId);
  }

  @Get('unassigned')
  unassigned(@Param('fieldId', ParseUUIDPipe) fieldId: string) {
    return this.runs.unassigned(fieldId);
  }

  @WritesStage({ param: 'fieldId', of: 'field' })
  @Post('unassigned/attach')
  attach(
    @Param('fieldId', ParseUUIDPipe) fieldId: string,
    @Body() body: AttachSensorEventsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.attaching.execute(fieldId, body, actor);
  }
}
