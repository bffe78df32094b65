import { Body, Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { WritesStage } from '../federation/writes-stage.guard';
import { ProtestsService } from './protests.service';

class RecordProtestDto extends createZodDto(routeTable.protests.record.body) {}
class DecideProtestDto extends createZodDto(routeTable.protests.decide.body) {}

/** Protests: the stage's head judge records and decides them; the organiser sees and may do the same. */
@ApiTags('protests')
@ApiBearerAuth()
@Controller()
export class ProtestsController {
  constructor(private readonly protests: ProtestsService) {}

  @Roles('organiser', 'head-judge')
  @WritesStage({ body: 'categoryId', of: 'category' })
  @Route(routes.protests.record)
  record(@Body() body: RecordProtestDto, @CurrentActor() actor: Actor) {
    return this.protests.file(body, actor);
  }

  @Roles('organiser', 'head-judge')
  @Route(routes.protests.decide)
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideProtestDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.protests.decide(id, body, actor);
  }

  @Roles('organiser', 'head-judge')
  @Route(routes.protests.listForStage)
  listForStage(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    return this.protests.listForStage(stageId, actor);
  }

  @Roles('organiser', 'head-judge')
  @Route(routes.protests.listForCategory)
  listForCategory(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.protests.listForCategory(id, actor);
  }

  /** Only JPEG, PNG or WebP are stored; the policy keeps the answer inert if opened directly. */
  @Roles('organiser', 'head-judge')
  @Route(routes.protests.attachment)
  async attachment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ) {
    const photo = await this.protests.attachment(id, attachmentId, actor);
    response
      .set({
        'Content-Type': photo.contentType,
        'Cache-Control': 'private, max-age=3600',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      })
      .send(photo.bytes);
  }
}
