import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { downloadFile, slug } from '../documents/download-file';
import { renderScoreSheetsPdf } from '../documents/score-sheets-pdf';
import { WritesStage } from '../federation/writes-stage.guard';
import { ScoreSheetsService } from './score-sheets.service';

class MakeScoreSheetsDto extends createZodDto(routeTable.scoreSheets.make.body) {}
class ScoreSheetsPdfQueryDto extends createZodDto(routeTable.scoreSheets.pdf.query) {}
class TypeInSheetDto extends createZodDto(routeTable.scoreSheets.typeIn.body) {}

/** Paper score sheets: made and printed by the organiser or head judge, typed in later (README, "Paper fallback"). */
@ApiTags('score-sheets')
@ApiBearerAuth()
@Controller()
export class ScoreSheetsController {
  constructor(private readonly sheets: ScoreSheetsService) {}

  @Roles('organiser', 'head-judge')
  @WritesStage({ param: 'id', of: 'category' })
  @Route(routes.scoreSheets.make)
  make(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MakeScoreSheetsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.sheets.make(id, body.round, actor);
  }

  @Roles('organiser', 'head-judge')
  @Route(routes.scoreSheets.pdf)
  async pdf(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ScoreSheetsPdfQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const sheets = await this.sheets.ofRound(id, query.round, actor);
    return downloadFile(
      await renderScoreSheetsPdf(sheets),
      `score-sheets-${slug(sheets[0]?.categoryName ?? 'category')}-${query.round}.pdf`,
      routeTable.scoreSheets.pdf.contentType,
    );
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.scoreSheets.get)
  get(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.sheets.byCode(code, actor);
  }

  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.scoreSheets.typeIn)
  typeIn(@Param('code') code: string, @Body() body: TypeInSheetDto, @CurrentActor() actor: Actor) {
    return this.sheets.typeIn(code, body, actor);
  }
}
