import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { routes } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { unknownReference } from '../common/api-error';
import { Route } from '../common/routes/route.decorator';
import { RegionEntity } from '../regions/region.entity';
import { SchoolEntity } from './school.entity';

class CreateSchoolDto extends createZodDto(routes.schools.create.body) {}

@ApiTags('schools')
@ApiBearerAuth()
@Controller()
export class SchoolsController {
  constructor(
    @InjectRepository(SchoolEntity) private readonly schools: Repository<SchoolEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  @Route(routes.schools.list)
  list(@Query('regionCode') regionCode?: string) {
    return this.schools.find({ where: regionCode ? { regionCode } : {}, order: { name: 'ASC' } });
  }

  @Route(routes.schools.create)
  async create(@Body() body: CreateSchoolDto) {
    if (!(await this.regions.existsBy({ code: body.regionCode }))) {
      throw unknownReference('regionCode', 'region', body.regionCode);
    }
    return this.schools.save({ id: randomUUID(), ...body });
  }
}
