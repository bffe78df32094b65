import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { Route } from '../common/routes/route.decorator';
import { SchoolsService } from './schools.service';

class CreateSchoolDto extends createZodDto(routeTable.schools.create.body) {}

@ApiTags('schools')
@ApiBearerAuth()
@Controller()
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Route(routes.schools.list)
  list(@Query('regionCode') regionCode?: string) {
    return this.schools.list(regionCode);
  }

  @Route(routes.schools.create)
  create(@Body() body: CreateSchoolDto) {
    return this.schools.create(body);
  }
}
