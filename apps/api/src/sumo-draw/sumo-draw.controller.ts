import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { SumoDrawService } from './sumo-draw.service';
import { WritesStage } from '../federation/writes-stage.guard';

class DrawDto extends createZodDto(z.object({ seed: z.number().int().min(1).max(2 ** 31 - 1).optional() }).strict()) {}

@ApiTags('sumo')
@ApiBearerAuth()
@Controller('categories/:id/sumo')
export class SumoDrawController {
  constructor(private readonly draws: SumoDrawService) {}

  /** Organiser only: draw (or re-draw) the groups or bracket; the same seed gives the same draw. */
  @WritesStage({ param: 'id', of: 'category' })
  @Post('draw')
  draw(@Param('id', ParseUUIDPipe) id: string, @Body() body: DrawDto, @CurrentActor() actor: Actor) {
    return this.draws.draw(id, body.seed, actor);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Get('bracket')
  bracket(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.draws.bracket(id, actor);
  }
}
