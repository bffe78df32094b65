import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { SchoolsDataModule } from '../schools/schools-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { RegistrationCommitsService } from './registration-commits.service';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';

@Module({
  imports: [
    LedgerModule,
    StagesDataModule,
    CategoriesDataModule,
    SchoolsDataModule,
    TeamsDataModule,
  ],
  controllers: [RegistrationController],
  providers: [RegistrationService, RegistrationCommitsService],
})
export class RegistrationModule {}
