import { Controller, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { assertSettled } from '../standings/assert-settled';
import { CategoryResultsService } from './category-results.service';
import { DiplomaCodesService } from '../diploma-codes/diploma-codes.service';
import { diplomaCheckMarks, settleUnprintedDiplomas } from './diploma-check-marks';
import { getsDiploma, renderDiplomasPdf } from './diplomas-pdf';
import { downloadFile, slug } from './download-file';
import { renderProtocolPdf } from './protocol-pdf';

class DiplomaQueryDto extends createZodDto(routeTable.documents.diplomas.query) {}
class ProtocolQueryDto extends createZodDto(routeTable.documents.protocol.query) {}

/** Printable documents of a category: the official protocol and diplomas (PDF, Cyrillic and Kazakh letters embedded). */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly results: CategoryResultsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly diplomaCodes: DiplomaCodesService,
  ) {}

  @Roles('organiser', 'head-judge')
  @Route(routes.documents.protocol)
  async protocol(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ProtocolQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const results = await this.results.load(id, actor);
    const pdf = await renderProtocolPdf(
      results,
      new Date(),
      this.config.venueTimeZone,
      query.languages,
    );
    return downloadFile(
      pdf,
      `protocol-${slug(results.category.name)}.pdf`,
      routeTable.documents.protocol.contentType,
    );
  }

  @Roles('organiser', 'head-judge')
  @Route(routes.documents.diplomas)
  async diplomas(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DiplomaQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const results = await this.results.load(id, actor);
    // A place still in the balance would be printed and its check code certified as genuine.
    assertSettled(results.rows);
    const pdf = await renderDiplomasPdf(
      results,
      query.design,
      query.who,
      diplomaCheckMarks(results, this.diplomaCodes, this.config.publicUrl),
      query.languages,
    );
    if (query.who === 'winners')
      await settleUnprintedDiplomas(results, this.diplomaCodes, getsDiploma);
    return downloadFile(
      pdf,
      `diplomas-${query.design}-${slug(results.category.name)}.pdf`,
      routeTable.documents.diplomas.contentType,
    );
  }
}
