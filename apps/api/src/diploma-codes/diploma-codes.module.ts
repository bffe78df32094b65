import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { DiplomaCodeEntity } from './diploma-code.entity';
import { DiplomaCodesController } from './diploma-codes.controller';
import { DiplomaCodesService } from './diploma-codes.service';

/** Diploma check codes: issued when diplomas are printed, checked on a public page (docs/diplomas.md). */
@Module({
  imports: [TypeOrmModule.forFeature([DiplomaCodeEntity]), CategoriesDataModule, StagesDataModule],
  controllers: [DiplomaCodesController],
  providers: [DiplomaCodesService],
  exports: [DiplomaCodesService],
})
export class DiplomaCodesModule {}
