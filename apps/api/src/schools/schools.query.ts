import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { SchoolEntity } from './school.entity';

export type SchoolRow = SchoolEntity;

/**
 * What other features may read of schools (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class SchoolsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  schoolExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(SchoolEntity, { id });
  }

  schoolsByIds(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SchoolRow[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : manager.find(SchoolEntity, { where: { id: In(ids) } });
  }

  /** Every school's id, name and region: what an import matches its rows against. */
  schoolNames(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Pick<SchoolRow, 'id' | 'name' | 'regionCode'>[]> {
    return manager.find(SchoolEntity, { select: { id: true, name: true, regionCode: true } });
  }
}
