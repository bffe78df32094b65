import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { WritesStage } from '../federation/writes-stage.guard';
import { InspectionsService } from './inspections.service';

class RecordInspectionDto extends createZodDto(routeTable.inspections.record.body) {}

/**
 * Technical inspection: the stage's head judge records it (the judge model has no inspector
 * assignment); the organiser's staff may do the same. Judges read the states for their screens.
 */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller()
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Roles('organiser', 'head-judge')
  @WritesStage({ body: 'categoryId', of: 'category' })
  @Route(routes.inspections.record)
  record(@Body() body: RecordInspectionDto, @CurrentActor() actor: Actor) {
    return this.inspections.record(body, actor);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.inspections.listForCategory)
  listForCategory(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.inspections.listForCategory(id, actor);
  }
}
