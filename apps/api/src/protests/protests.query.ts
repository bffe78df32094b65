import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ProtestEntity } from './protest.entity';

/** What other features ask about protests (docs/architecture.md#features-own-their-data). */
@Injectable()
export class ProtestsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The open protests of a category, oldest first: a category with one cannot be locked. */
  async openProtestsOf(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; teamId: string; receivedAt: string }[]> {
    return manager.find(ProtestEntity, {
      select: { id: true, teamId: true, receivedAt: true },
      where: { categoryId, status: 'open' },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every protest of a category, oldest first, for the protocol. */
  protestsOf(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProtestEntity[]> {
    return manager.find(ProtestEntity, {
      where: { categoryId },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
  }
}
