import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { VenueLinkEntity } from './venue-link.entity';

export type VenueLinkRow = VenueLinkEntity;

/**
 * What other features may read of venue links, republic links, acknowledgements and conflicts (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class FederationQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The venue links of these stages (a stage without one is the server's own). */
  venueLinksOfStages(
    stageIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VenueLinkRow[]> {
    return manager.findBy(VenueLinkEntity, { stageId: In(stageIds) });
  }

  /**
   * Whether a venue owns the stage: its link holds the venue's key (docs/federation.md, "Who owns
   * what"). Asked on every write, so a link made a moment ago counts at once.
   */
  stageIsVenueOwned(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return stageLinkedToVenue(manager, stageId);
  }
}

/** See FederationQuery.stageIsVenueOwned; for callers that hold only a manager. */
export function stageLinkedToVenue(manager: EntityManager, stageId: string): Promise<boolean> {
  return manager
    .createQueryBuilder(VenueLinkEntity, 'link')
    .where('link.stageId = :stageId', { stageId })
    .andWhere('link.publicKey IS NOT NULL')
    .getExists();
}
