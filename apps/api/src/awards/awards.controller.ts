import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { startAwardsSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AwardsService } from './awards.service';
import { WritesStage } from '../federation/writes-stage.guard';

class StartAwardsDto extends createZodDto(startAwardsSchema) {}

/** The organiser (or head judge) runs the awards reveal of a category from the console. */
@ApiTags('awards')
@ApiBearerAuth()
@Roles('organiser', 'head-judge')
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Get('stages/:stageId/awards')
  list(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    return this.awards.forStage(stageId, actor);
  }

  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'category' })
  @Post('categories/:id/awards/start')
  start(@Param('id', ParseUUIDPipe) id: string, @Body() body: StartAwardsDto, @CurrentActor() actor: Actor) {
    return this.awards.start(id, body.podium ?? 3, actor);
  }

  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'category' })
  @Post('categories/:id/awards/reveal')
  reveal(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.awards.reveal(id, actor);
  }

  @HttpCode(200)
  @WritesStage({ param: 'id', of: 'category' })
  @Post('categories/:id/awards/end')
  end(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.awards.end(id, actor);
  }
}
