import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FieldEntity } from './field.entity';
import { FieldsQuery } from './fields.query';

/**
 * The fields: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([FieldEntity])],
  providers: [FieldsQuery],
  exports: [TypeOrmModule, FieldsQuery],
})
export class FieldsDataModule {}
