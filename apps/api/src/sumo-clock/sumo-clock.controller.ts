import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { WritesStage } from '../federation/writes-stage.guard';
import { SumoClockService } from './sumo-clock.service';

class SumoClockReportDto extends createZodDto(routeTable.sumoClock.report.body) {}

@ApiTags('fields')
@ApiBearerAuth()
@Roles('organiser', 'head-judge', 'judge')
@Controller()
export class SumoClockController {
  constructor(private readonly clocks: SumoClockService) {}

  /** The ring tablet's clock was started, paused or stopped: the overlays follow it. */
  @WritesStage({ param: 'fieldId', of: 'field' })
  @Route(routes.sumoClock.report)
  report(
    @Param('fieldId', ParseUUIDPipe) fieldId: string,
    @Body() body: SumoClockReportDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.clocks.report(fieldId, body, actor);
  }
}
