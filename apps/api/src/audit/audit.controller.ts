import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AUDIT_PAGE_SIZE, routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { stageReach } from '../auth/staff-reach';
import { Route } from '../common/routes/route.decorator';
import { downloadFile } from '../documents/download-file';
import { auditCsvHeader, auditCsvLines } from './audit-csv';
import { AuditQuery } from './audit.query';

class AuditListQueryDto extends createZodDto(routeTable.audit.list.query) {}
class AuditFiltersDto extends createZodDto(routeTable.audit.csv.query) {}

/** The audit record, for the organiser (docs/audit.md). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditQuery) {}

  @Route(routes.audit.list)
  async list(@Query() query: AuditListQueryDto, @CurrentActor() actor: Actor) {
    const { offset = 0, limit = AUDIT_PAGE_SIZE, ...filters } = query;
    const page = await this.audit.page({ ...filters, reach: stageReach(actor) }, offset, limit);
    return { ...page, offset, limit };
  }

  @Route(routes.audit.csv)
  async csv(@Query() filters: AuditFiltersDto, @CurrentActor() actor: Actor) {
    let text = auditCsvHeader();
    const reach = stageReach(actor);
    for await (const entries of this.audit.all({ ...filters, reach }))
      text += auditCsvLines(entries);
    return downloadFile(
      Buffer.from(text, 'utf8'),
      'activity.csv',
      routeTable.audit.csv.contentType,
    );
  }
}
