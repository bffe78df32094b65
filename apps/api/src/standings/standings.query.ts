import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { StandingEntity } from './standing.entity';

/**
 * What other features may read of the standings table (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class StandingsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether a finish time in the category still waits for a judge's confirmation. */
  hasUnconfirmed(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.existsBy(StandingEntity, { categoryId, unconfirmed: Not(IsNull()) });
  }

  /** Whether a team's attempt or match awaits a second judge's entry or the head judge's decision. */
  hasPendingReview(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.existsBy(StandingEntity, { categoryId, review: Not(IsNull()) });
  }
}
