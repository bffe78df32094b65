import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VenueLinkEntity } from './venue-link.entity';
import { RepublicLinkEntity } from './republic-link.entity';
import { FederationAckEntity } from './federation-ack.entity';
import { FederationConflictEntity } from './federation-conflict.entity';
import { FederationQuery } from './federation.query';

/**
 * The venue links, republic links, acknowledgements and conflicts: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      VenueLinkEntity,
      RepublicLinkEntity,
      FederationAckEntity,
      FederationConflictEntity,
    ]),
  ],
  providers: [FederationQuery],
  exports: [TypeOrmModule, FederationQuery],
})
export class FederationDataModule {}
