import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HeldEntryEntity } from './held-entry.entity';

/**
 * What other features may read of held entries (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class HeldEntriesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the head judge dismissed the held entry with this id. */
  isDismissed(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(HeldEntryEntity, { id, status: 'dismissed' });
  }

  /** The stage the held entry belongs to, or null when there is no such entry. */
  async stageOfHeldEntry(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const entry = await manager.findOne(HeldEntryEntity, {
      where: { id },
      select: { stageId: true },
    });
    return entry?.stageId ?? null;
  }
}
