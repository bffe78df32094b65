import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes } from '@olympiad/contracts';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CategoriesService } from '../categories/categories.service';
import { Route } from '../common/routes/route.decorator';
import { StandingsService } from './standings.service';

@ApiTags('standings')
@ApiBearerAuth()
@Controller()
export class StandingsController {
  constructor(
    private readonly standings: StandingsService,
    private readonly categories: CategoriesService,
  ) {}

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.standings.get)
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    await this.categories.get(id, actor);
    return this.standings.snapshot(id);
  }

  /** Replays the ledger and compares with the live projection; `matches` must always be true. */
  @Roles('organiser', 'head-judge')
  @Route(routes.standings.verify)
  async verify(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    await this.categories.get(id, actor);
    return this.standings.verify(id);
  }
}
