import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DiplomaCodeEntity } from './diploma-code.entity';
import { DiplomaCodesController } from './diploma-codes.controller';
import { DiplomaCodesService } from './diploma-codes.service';

/** Diploma check codes: issued when diplomas are printed, checked on a public page (docs/diplomas.md). */
@Module({
  imports: [TypeOrmModule.forFeature([DiplomaCodeEntity])],
  controllers: [DiplomaCodesController],
  providers: [DiplomaCodesService],
  exports: [DiplomaCodesService],
})
export class DiplomaCodesModule {}
