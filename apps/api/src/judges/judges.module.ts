import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { FieldsDataModule } from '../fields/fields-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { JudgesController } from './judges.controller';
import { JudgesDataModule } from './judges-data.module';
import { JudgesService } from './judges.service';

@Module({
  imports: [AuthModule, JudgesDataModule, StagesDataModule, CategoriesDataModule, FieldsDataModule],
  controllers: [JudgesController],
  providers: [JudgesService],
  exports: [JudgesService, JudgesDataModule],
})
export class JudgesModule {}
