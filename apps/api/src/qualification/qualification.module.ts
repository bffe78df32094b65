import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { StandingsModule } from '../standings/standings.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { QualificationDataModule } from './qualification-data.module';
import { QualificationController } from './qualification.controller';
import { QualificationService } from './qualification.service';

@Module({
  imports: [
    QualificationDataModule,
    LedgerModule,
    StandingsModule,
    StagesDataModule,
    CategoriesDataModule,
    TeamsDataModule,
  ],
  controllers: [QualificationController],
  providers: [QualificationService],
})
export class QualificationModule {}
