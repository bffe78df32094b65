import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createTeamSchema, updateTeamSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { assertStageAccess } from '../auth/stage-access';
import { TeamsService } from './teams.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateTeamDto extends createZodDto(createTeamSchema) {}
class UpdateTeamDto extends createZodDto(updateTeamSchema) {}
class CheckInDto extends createZodDto(z.object({ checkedIn: z.boolean() }).strict()) {}

@ApiTags('teams')
@ApiBearerAuth()
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @WritesStage({ body: 'stageId' }, { body: 'categoryId', of: 'category' })
  @Post('teams')
  create(@Body() body: CreateTeamDto) {
    return this.teams.create(body);
  }

  /** Withdraw, mark absent or disqualified, or back to active. */
  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'team' })
  @Patch('teams/:id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateTeamDto, @CurrentActor() actor: Actor) {
    return this.teams.setStatus(id, body.status, actor);
  }

  /** Check-in on the day: the team has reported at the venue (or undo it). Does not change scores. */
  @Roles('organiser', 'head-judge')
  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'team' })
  @Post('teams/:id/check-in')
  checkIn(@Param('id', ParseUUIDPipe) id: string, @Body() body: CheckInDto, @CurrentActor() actor: Actor) {
    return this.teams.setCheckedIn(id, body.checkedIn, actor);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Get('stages/:stageId/teams')
  list(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @CurrentActor() actor: Actor,
    @Query('categoryId') categoryId?: string,
  ) {
    assertStageAccess(actor, stageId);
    return this.teams.list(stageId, categoryId);
  }
}
