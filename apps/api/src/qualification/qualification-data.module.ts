import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QualificationStore } from './qualification.store';
import { QualificationEntryEntity } from './qualification-entry.entity';
import { QualificationRuleEntity } from './qualification-rule.entity';
import { QualificationQuery } from './qualification.query';

/**
 * The qualification entries: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([QualificationEntryEntity, QualificationRuleEntity])],
  providers: [QualificationQuery, QualificationStore],
  exports: [TypeOrmModule, QualificationQuery, QualificationStore],
})
export class QualificationDataModule {}
