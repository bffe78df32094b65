import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { Route } from '../common/routes/route.decorator';
import { TeamsService } from './teams.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateTeamDto extends createZodDto(routeTable.teams.create.body) {}
class UpdateTeamDto extends createZodDto(routeTable.teams.update.body) {}
class CheckInDto extends createZodDto(routeTable.teams.checkIn.body) {}

@ApiTags('teams')
@ApiBearerAuth()
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @WritesStage({ body: 'stageId' }, { body: 'categoryId', of: 'category' })
  @Route(routes.teams.create)
  create(@Body() body: CreateTeamDto, @CurrentActor() actor: Actor) {
    return this.teams.create(body, actor);
  }

  /** Withdraw, mark absent or disqualified, or back to active. */
  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'team' })
  @Route(routes.teams.update)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateTeamDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.teams.setStatus(id, body.status, actor);
  }

  /** Check-in on the day: the team has reported at the venue (or undo it). Does not change scores. */
  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'team' })
  @Route(routes.teams.checkIn)
  checkIn(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CheckInDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.teams.setCheckedIn(id, body.checkedIn, actor);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.teams.list)
  list(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @CurrentActor() actor: Actor,
    @Query('categoryId') categoryId?: string,
  ) {
    assertStageAccess(actor, stageId);
    return this.teams.list(stageId, categoryId);
  }
}
