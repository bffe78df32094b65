import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FieldEntity } from './field.entity';

export type FieldRow = FieldEntity;

/**
 * What other features may read of fields (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class FieldsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  fieldById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldRow | null> {
    return manager.findOneBy(FieldEntity, { id });
  }

  fieldExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(FieldEntity, { id });
  }

  fieldsByIds(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldRow[]> {
    return manager.findBy(FieldEntity, { id: In(ids) });
  }

  /** The stage's fields in the order the database keeps them. */
  fieldsOfStage(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldRow[]> {
    return manager.findBy(FieldEntity, { stageId });
  }

  fieldsOfStageByName(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldRow[]> {
    return manager.find(FieldEntity, { where: { stageId }, order: { name: 'ASC' } });
  }
}
