import { Module } from '@nestjs/common';
import { RegionsDataModule } from '../regions/regions-data.module';
import { SchoolsController } from './schools.controller';
import { SchoolsDataModule } from './schools-data.module';
import { SchoolsService } from './schools.service';

/** The schools teams come from. */
@Module({
  imports: [SchoolsDataModule, RegionsDataModule],
  controllers: [SchoolsController],
  providers: [SchoolsService],
})
export class SchoolsModule {}
