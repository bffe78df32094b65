import { Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { CategoryResultsService } from '../documents/category-results.service';
import { downloadFile, slug } from '../documents/download-file';
import { resultsCsv, resultsXlsx } from './export-files';

class ExportQueryDto extends createZodDto(routeTable.exports.categoryCsv.query) {}

/** Results as CSV or XLSX: one category, or every category of a stage; English as a third language when asked. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly results: CategoryResultsService) {}

  @Roles('organiser', 'head-judge')
  @Route(routes.exports.categoryCsv)
  async categoryCsv(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ExportQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const results = await this.results.load(id, actor);
    return downloadFile(
      resultsCsv([results], query.languages),
      `results-${slug(results.category.name)}.csv`,
      routeTable.exports.categoryCsv.contentType,
    );
  }

  @Roles('organiser', 'head-judge')
  @Route(routes.exports.categoryXlsx)
  async categoryXlsx(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ExportQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const results = await this.results.load(id, actor);
    return downloadFile(
      await resultsXlsx([results], query.languages),
      `results-${slug(results.category.name)}.xlsx`,
      routeTable.exports.categoryXlsx.contentType,
    );
  }

  @Roles('organiser', 'head-judge')
  @Route(routes.exports.stageCsv)
  async stageCsv(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @Query() query: ExportQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const all = await this.stageResults(stageId, actor);
    return downloadFile(
      resultsCsv(all, query.languages),
      `results-${slug(all[0]?.stage.code ?? stageId)}.csv`,
      routeTable.exports.stageCsv.contentType,
    );
  }

  @Roles('organiser', 'head-judge')
  @Route(routes.exports.stageXlsx)
  async stageXlsx(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @Query() query: ExportQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const all = await this.stageResults(stageId, actor);
    return downloadFile(
      await resultsXlsx(all, query.languages),
      `results-${slug(all[0]?.stage.code ?? stageId)}.xlsx`,
      routeTable.exports.stageXlsx.contentType,
    );
  }

  private async stageResults(stageId: string, actor: Actor) {
    const ids = await this.results.categoryIdsOfStage(stageId, actor);
    const all = [];
    for (const id of ids) all.push(await this.results.load(id, actor));
    return all;
  }
}
