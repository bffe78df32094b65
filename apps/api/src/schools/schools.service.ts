import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateSchool } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { unknownReference } from '../common/api-error';
import { RegionsQuery } from '../regions/regions.query';
import { SchoolEntity } from './school.entity';

/** The schools teams come from, each in a region. */
@Injectable()
export class SchoolsService {
  constructor(
    @InjectRepository(SchoolEntity) private readonly schools: Repository<SchoolEntity>,
    private readonly regions: RegionsQuery,
  ) {}

  /** By name, of one region or of all. */
  list(regionCode?: string): Promise<SchoolEntity[]> {
    return this.schools.find({ where: regionCode ? { regionCode } : {}, order: { name: 'ASC' } });
  }

  async create(input: CreateSchool): Promise<SchoolEntity> {
    if (!(await this.regions.regionExists(input.regionCode))) {
      throw unknownReference('regionCode', 'region', input.regionCode);
    }
    return this.schools.save({ id: randomUUID(), ...input });
  }
}
