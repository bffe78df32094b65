import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { invalid } from '../common/api-error';
import { Route } from '../common/routes/route.decorator';
import { HeldEntriesService } from './held-entries.service';
import { WritesStage } from '../federation/writes-stage.guard';

class HoldEntryDto extends createZodDto(routeTable.heldEntries.hold.body) {}
class ResolveHeldEntryDto extends createZodDto(routeTable.heldEntries.resolve.body) {}

@ApiTags('held-entries')
@ApiBearerAuth()
@Controller()
export class HeldEntriesController {
  constructor(private readonly heldEntries: HeldEntriesService) {}

  /** 201 when the entry is now held, 200 when it already was (the tablet's handover resent). */
  @Roles('organiser', 'head-judge', 'judge')
  @WritesStage({ body: ['entry', 'categoryId'], of: 'category' })
  @Route(routes.heldEntries.hold)
  async hold(
    @Body() body: HoldEntryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { held, created } = await this.heldEntries.hold(body, actor);
    response.status(created ? 201 : 200);
    return held;
  }

  /** `status=open` (default) or `all`; a judge sees only the entries they handed over. */
  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.heldEntries.list)
  list(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @CurrentActor() actor: Actor,
    @Query('status') status = 'open',
  ) {
    if (status !== 'open' && status !== 'all') {
      throw invalid('status: must be open or all', [
        { path: 'status', key: 'errors.validation', message: 'open or all' },
      ]);
    }
    return this.heldEntries.list(stageId, status, actor);
  }

  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'held-entry' })
  @Route(routes.heldEntries.resolve)
  resolve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveHeldEntryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.heldEntries.resolve(id, body, actor);
  }
}
