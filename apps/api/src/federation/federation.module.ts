import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { raw } from 'express';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { JudgesDataModule } from '../judges/judges-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LiveModule } from '../live/live.module';
import { OlympiadsDataModule } from '../olympiads/olympiads-data.module';
import { QualificationDataModule } from '../qualification/qualification-data.module';
import { RegionsDataModule } from '../regions/regions-data.module';
import { SchoolsDataModule } from '../schools/schools-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { StageDataOwners } from './apply-stage-data';
import { FederationDataModule } from './federation-data.module';
import { RepublicFederationController, VenueFederationController } from './federation.controller';
import { FederationService } from './federation.service';
import { Outbox } from './outbox';
import { OutboxSenderService } from './outbox-sender.service';
import { RepublicLinkService } from './republic-link.service';
import { StageDataReceiverService } from './stage-data-receiver.service';
import { StageRowsReader } from './stage-rows';
import { VenueLinksService } from './venue-links.service';
import { VenueOwnershipModule } from './venue-ownership.module';

/** A 1,000-team stage's bundle is a few MB at most; batches are far smaller. */
const BUNDLE_LIMIT = '16mb';

/** Regional venues and the republic server (docs/federation.md); one server may play both parts. */
@Module({
  imports: [
    LedgerModule,
    LiveModule,
    FederationDataModule,
    StagesDataModule,
    OlympiadsDataModule,
    CategoriesDataModule,
    RegionsDataModule,
    SchoolsDataModule,
    TeamsDataModule,
    JudgesDataModule,
    LedgerDataModule,
    QualificationDataModule,
    VenueOwnershipModule,
  ],
  controllers: [VenueFederationController, RepublicFederationController],
  providers: [
    FederationService,
    RepublicLinkService,
    OutboxSenderService,
    VenueLinksService,
    StageDataReceiverService,
    StageRowsReader,
    Outbox,
    StageDataOwners,
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
