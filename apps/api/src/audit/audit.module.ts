import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuditDataModule } from './audit-data.module';
import { AuditRequestContext } from './audit-request-context';
import { AuditController } from './audit.controller';

/** The audit record: its routes, and the request context its rows take their request id from. */
@Module({
  imports: [AuditDataModule],
  controllers: [AuditController],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditRequestContext).forRoutes('*');
  }
}
