import { Body, Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CategoriesService } from '../categories/categories.service';
import { Route } from '../common/routes/route.decorator';
import { LedgerQuery } from './ledger.query';
import { RecordEntryUseCase } from './record-entry.use-case';
import { WritesStage } from '../federation/writes-stage.guard';

class LedgerEntryDto extends createZodDto(routeTable.ledger.record.body) {}

@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
export class LedgerController {
  constructor(
    private readonly recordEntry: RecordEntryUseCase,
    private readonly categories: CategoriesService,
    private readonly ledger: LedgerQuery,
  ) {}

  /** 201 when stored, 200 when this UUID was already stored (a resend from an offline tablet). */
  @Roles('organiser', 'head-judge', 'judge')
  @WritesStage({ body: 'categoryId', of: 'category' })
  @Route(routes.ledger.record)
  async record(
    @Body() body: LedgerEntryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.recordEntry.execute(body, actor);
    response.status(result.duplicate ? 200 : 201);
    return result;
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.ledger.list)
  async list(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    await this.categories.get(id, actor);
    return this.ledger.entriesOfCategory(id);
  }
}
