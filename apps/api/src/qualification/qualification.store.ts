import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QualificationEntryRow } from './qualification.query';
import { QualificationEntryEntity } from './qualification-entry.entity';

/** How other features record qualification decisions: the republic keeping a venue's. */
@Injectable()
export class QualificationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertDecision(
    decision: QualificationEntryRow,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(QualificationEntryEntity, decision);
  }
}
