import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CategoryResultsService } from '../documents/category-results.service';
import { downloadFile, slug } from '../documents/download-file';
import { resultsCsv, resultsXlsx } from './export-files';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Results as CSV or XLSX: one category, or every category of a stage. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly results: CategoryResultsService) {}

  @Roles('organiser', 'head-judge')
  @Get('categories/:id/results.csv')
  async categoryCsv(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    const results = await this.results.load(id, actor);
    return downloadFile(resultsCsv([results]), `results-${slug(results.category.name)}.csv`, 'text/csv; charset=utf-8');
  }

  @Roles('organiser', 'head-judge')
  @Get('categories/:id/results.xlsx')
  async categoryXlsx(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    const results = await this.results.load(id, actor);
    return downloadFile(await resultsXlsx([results]), `results-${slug(results.category.name)}.xlsx`, XLSX_TYPE);
  }

  @Roles('organiser', 'head-judge')
  @Get('stages/:stageId/results.csv')
  async stageCsv(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    const all = await this.stageResults(stageId, actor);
    return downloadFile(resultsCsv(all), `results-${slug(all[0]?.stage.code ?? stageId)}.csv`, 'text/csv; charset=utf-8');
  }

  @Roles('organiser', 'head-judge')
  @Get('stages/:stageId/results.xlsx')
  async stageXlsx(@Param('stageId', ParseUUIDPipe) stageId: string, @CurrentActor() actor: Actor) {
    const all = await this.stageResults(stageId, actor);
    return downloadFile(await resultsXlsx(all), `results-${slug(all[0]?.stage.code ?? stageId)}.xlsx`, XLSX_TYPE);
  }

  private async stageResults(stageId: string, actor: Actor) {
    const ids = await this.results.categoryIdsOfStage(stageId, actor);
    const all = [];
    for (const id of ids) all.push(await this.results.load(id, actor));
    return all;
  }
}
