import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CategoriesService } from '../categories/categories.service';
import { StandingsService } from './standings.service';

@ApiTags('standings')
@ApiBearerAuth()
@Controller('categories/:id/standings')
export class StandingsController {
  constructor(
    private readonly standings: StandingsService,
    private readonly categories: CategoriesService,
  ) {}

  @Roles('organiser', 'head-judge', 'judge')
  @Get()
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    await this.categories.get(id, actor);
    return this.standings.snapshot(id);
  }

  /** Replays the ledger and compares with the live projection; `matches` must always be true. */
  @Roles('organiser', 'head-judge')
  @Get('verify')
  async verify(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    await this.categories.get(id, actor);
    return this.standings.verify(id);
  }
}
