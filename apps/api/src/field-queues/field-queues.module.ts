import { Module } from '@nestjs/common';
import { CategoryWriteLock } from '../common/category-write-lock';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { FieldsDataModule } from '../fields/fields-data.module';
import { JudgesDataModule } from '../judges/judges-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { RunsDataModule } from '../runs/runs-data.module';
import { SchoolsDataModule } from '../schools/schools-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { FieldQueuesController } from './field-queues.controller';
import { FieldQueuesService } from './field-queues.service';
import { PublicTurnController } from './public-turn.controller';
import { RingNextMatchService } from './ring-next-match.service';

/** Running the day: the attempt queue of each maze table and the next match of each sumo ring. */
@Module({
  imports: [
    StagesDataModule,
    FieldsDataModule,
    CategoriesDataModule,
    JudgesDataModule,
    TeamsDataModule,
    SchoolsDataModule,
    LedgerDataModule,
    RunsDataModule,
  ],
  controllers: [FieldQueuesController, PublicTurnController],
  providers: [FieldQueuesService, RingNextMatchService, CategoryWriteLock],
  exports: [FieldQueuesService],
})
export class FieldQueuesModule {}
