import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRecorder } from './audit-recorder';
import { AuditQuery } from './audit.query';

/**
 * The audit record's table and the two ways in: `AuditRecorder` for every feature whose actions
 * go on the record, `AuditQuery` to read it (docs/architecture.md#features-own-their-data).
 * Global, because nearly every feature records; it imports no other feature.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditRecorder, AuditQuery],
  exports: [AuditRecorder, AuditQuery],
})
export class AuditDataModule {}
