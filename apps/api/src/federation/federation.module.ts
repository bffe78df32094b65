import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { raw } from 'express';
import { LedgerModule } from '../ledger/ledger.module';
import { LiveModule } from '../live/live.module';
import { RepublicFederationController, VenueFederationController } from './federation.controller';
import { FederationService } from './federation.service';
import { OutboxSenderService } from './outbox-sender.service';
import { RepublicLinkService } from './republic-link.service';
import { StageDataReceiverService } from './stage-data-receiver.service';
import { VenueLinksService } from './venue-links.service';

/** A 1,000-team stage's bundle is a few MB at most; batches are far smaller. */
const BUNDLE_LIMIT = '16mb';

/** Regional venues and the republic server (docs/federation.md); one server may play both parts. */
@Module({
  imports: [LedgerModule, LiveModule],
  controllers: [VenueFederationController, RepublicFederationController],
  providers: [
    FederationService,
    RepublicLinkService,
    OutboxSenderService,
    VenueLinksService,
    StageDataReceiverService,
  ],
  exports: [FederationService, VenueLinksService],
})
export class FederationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(raw({ type: 'application/octet-stream', limit: BUNDLE_LIMIT }))
      .forRoutes(
        { path: 'federation/stages/:stageId/batches', method: RequestMethod.POST },
        { path: 'federation/bundles', method: RequestMethod.POST },
      );
  }
}
