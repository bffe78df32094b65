import { Module } from '@nestjs/common';
import { DevicesDataModule } from '../devices/devices-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { FieldsController } from './fields.controller';
import { FieldsDataModule } from './fields-data.module';
import { FieldsService } from './fields.service';

/** A stage's maze tables and sumo rings. */
@Module({
  imports: [FieldsDataModule, StagesDataModule, DevicesDataModule],
  controllers: [FieldsController],
  providers: [FieldsService],
  exports: [FieldsService],
})
export class FieldsModule {}
