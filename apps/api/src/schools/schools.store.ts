import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SchoolEntity } from './school.entity';

export type NewSchool = Pick<SchoolEntity, 'id' | 'name' | 'regionCode' | 'town'>;

/** How other features add schools (a registration import brings new ones). */
@Injectable()
export class SchoolsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertSchools(
    schools: NewSchool[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(SchoolEntity, schools);
  }

  async updateSchool(
    id: string,
    changes: Omit<NewSchool, 'id'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(SchoolEntity, { id }, changes);
  }
}
