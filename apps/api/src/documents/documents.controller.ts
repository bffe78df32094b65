import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CategoryResultsService } from './category-results.service';
import { DIPLOMA_DESIGNS, renderDiplomasPdf } from './diplomas-pdf';
import { downloadFile, slug } from './download-file';
import { renderProtocolPdf } from './protocol-pdf';

class DiplomaQueryDto extends createZodDto(
  z
    .object({
      design: z.enum(DIPLOMA_DESIGNS).default('classic'),
      who: z.enum(['winners', 'all']).default('all'),
    })
    .strict(),
) {}

/** Printable documents of a category: the official protocol and diplomas (PDF, Cyrillic and Kazakh letters embedded). */
@ApiTags('documents')
@ApiBearerAuth()
@ApiProduces('application/pdf')
@Controller('categories/:id')
export class DocumentsController {
  constructor(
    private readonly results: CategoryResultsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles('organiser', 'head-judge')
  @Get('protocol.pdf')
  async protocol(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    const results = await this.results.load(id, actor);
    const pdf = await renderProtocolPdf(results, new Date(), this.config.venueTimeZone);
    return downloadFile(pdf, `protocol-${slug(results.category.name)}.pdf`, 'application/pdf');
  }

  @Roles('organiser', 'head-judge')
  @Get('diplomas.pdf')
  async diplomas(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DiplomaQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const results = await this.results.load(id, actor);
    const pdf = await renderDiplomasPdf(results, query.design, query.who);
    return downloadFile(
      pdf,
      `diplomas-${query.design}-${slug(results.category.name)}.pdf`,
      'application/pdf',
    );
  }
}
