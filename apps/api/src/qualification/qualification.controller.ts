import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { QualificationService } from './qualification.service';
import { WritesStage } from '../federation/writes-stage.guard';

class PreviewDto extends createZodDto(routeTable.qualification.preview.body) {}
class EnterDto extends createZodDto(routeTable.qualification.enter.body) {}

/** Organiser only: qualification from a regional stage into the republic stage. */
@ApiTags('qualification')
@ApiBearerAuth()
@Controller()
export class QualificationController {
  constructor(private readonly qualification: QualificationService) {}

  /** Every team of the stage with the rules' decision and its reason; writes nothing. */
  @Route(routes.qualification.preview)
  preview(@Param('stageId', ParseUUIDPipe) stageId: string, @Body() body: PreviewDto) {
    return this.qualification.preview(stageId, body);
  }

  /** Enters the qualified teams (rules + wildcards) into the republic stage; needs the regional stage closed. */
  @WritesStage({ body: 'targetStageId' })
  @Route(routes.qualification.enter)
  enter(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @Body() body: EnterDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.qualification.enter(stageId, body.targetStageId, body, actor);
  }

  /** For a republic stage: the teams entered so far, where they came from and why. */
  @Route(routes.qualification.entries)
  entries(@Param('stageId', ParseUUIDPipe) stageId: string) {
    return this.qualification.entries(stageId);
  }
}
