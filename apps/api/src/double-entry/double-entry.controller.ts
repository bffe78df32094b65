import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes } from '@olympiad/contracts';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CategoriesService } from '../categories/categories.service';
import { Route } from '../common/routes/route.decorator';
import { LedgerQuery } from '../ledger/ledger.query';
import { doubleEntrySlots } from './double-entry-slots';
import { DoubleEntryStore } from './double-entry.store';

/** Both entries of every attempt, for the head judge only: a judge never reads another's entry. */
@ApiTags('double-entry')
@ApiBearerAuth()
@Controller()
export class DoubleEntryController {
  constructor(
    private readonly categories: CategoriesService,
    private readonly store: DoubleEntryStore,
    private readonly ledger: LedgerQuery,
  ) {}

  @Roles('organiser', 'head-judge')
  @Route(routes.doubleEntry.list)
  async list(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    await this.categories.get(id, actor);
    return doubleEntrySlots(
      await this.store.ofCategory(id),
      await this.ledger.entriesOfCategory(id),
    );
  }
}
