import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProtestAttachmentEntity } from './protest-attachment.entity';
import { ProtestEntity } from './protest.entity';
import { ProtestsQuery } from './protests.query';

/**
 * The protests' tables, registered here and nowhere else, and the query other features read them
 * through (docs/architecture.md#features-own-their-data). No imports of other features.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ProtestEntity, ProtestAttachmentEntity])],
  providers: [ProtestsQuery],
  exports: [TypeOrmModule, ProtestsQuery],
})
export class ProtestsDataModule {}
