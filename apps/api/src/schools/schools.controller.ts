import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { createSchoolSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { unknownReference } from '../common/api-error';
import { RegionEntity } from '../regions/region.entity';
import { SchoolEntity } from './school.entity';

class CreateSchoolDto extends createZodDto(createSchoolSchema) {}

@ApiTags('schools')
@ApiBearerAuth()
@Controller('schools')
export class SchoolsController {
  constructor(
    @InjectRepository(SchoolEntity) private readonly schools: Repository<SchoolEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  @Get()
  list(@Query('regionCode') regionCode?: string) {
    return this.schools.find({ where: regionCode ? { regionCode } : {}, order: { name: 'ASC' } });
  }

  @Post()
  async create(@Body() body: CreateSchoolDto) {
    if (!(await this.regions.existsBy({ code: body.regionCode }))) {
      throw unknownReference('regionCode', 'region', body.regionCode);
    }
    return this.schools.save({ id: randomUUID(), ...body });
  }
}
