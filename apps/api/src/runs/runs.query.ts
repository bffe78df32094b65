import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FieldRunEntity } from './field-run.entity';
import { latestRunOf } from './run-statements';

export type FieldRunRow = FieldRunEntity;

/**
 * What other features may read of timed runs (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class RunsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The field's newest run, whatever its state. */
  latestRunOfField(
    fieldId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldRunRow | null> {
    return latestRunOf(manager, fieldId);
  }
}
