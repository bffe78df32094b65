import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FieldRunEntity } from './field-run.entity';
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

  /**
   * The category's runs timed between two controllers or left to the stopwatch by them (their
   * bound is stored, docs/sensor-contract.md#clock-offsets), oldest first: what the protocol notes.
   */
  async gateTimingsOfCategory(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldRunRow[]> {
    const runs = await manager.find(FieldRunEntity, {
      where: { categoryId, state: In(['finished', 'released', 'needs-manual-timing']) },
      order: { armedSeq: 'ASC', armedAt: 'ASC' },
    });
    return runs.filter((run) => (run.timingBoundMs ?? 0) > 0 || run.reason === 'timing-bound');
  }
}
