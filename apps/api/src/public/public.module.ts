import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { FederationDataModule } from '../federation/federation-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { LiveModule } from '../live/live.module';
import { OlympiadsDataModule } from '../olympiads/olympiads-data.module';
import { OlympiadsModule } from '../olympiads/olympiads.module';
import { QualificationDataModule } from '../qualification/qualification-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { StandingsModule } from '../standings/standings.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { PublicController } from './public.controller';
import { PublicResults } from './public-results';

@Module({
  imports: [
    LiveModule,
    StandingsModule,
    AwardsModule,
    OlympiadsModule,
    StagesDataModule,
    CategoriesDataModule,
    OlympiadsDataModule,
    FederationDataModule,
    QualificationDataModule,
    TeamsDataModule,
    LedgerDataModule,
  ],
  controllers: [PublicController],
  providers: [PublicResults],
})
export class PublicModule {}
