import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateField } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { unknownReference } from '../common/api-error';
import { StagesQuery } from '../stages/stages.query';
import { FieldEntity } from './field.entity';

/** The maze tables and sumo rings an organiser sets up for a stage. */
@Injectable()
export class FieldsService {
  constructor(
    @InjectRepository(FieldEntity) private readonly fields: Repository<FieldEntity>,
    private readonly stages: StagesQuery,
  ) {}

  async create(input: CreateField): Promise<FieldEntity> {
    if (!(await this.stages.stageExists(input.stageId)))
      throw unknownReference('stageId', 'stage', input.stageId);
    return this.fields.save({ id: randomUUID(), ...input });
  }

  /** The stage's fields by name. */
  list(stageId: string): Promise<FieldEntity[]> {
    return this.fields.find({ where: { stageId }, order: { name: 'ASC' } });
  }
}
