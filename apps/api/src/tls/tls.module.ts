import { DynamicModule, Global, Module } from '@nestjs/common';
import { TlsController } from './tls.controller';
import { VenueTlsService } from './venue-tls.service';

/** HTTPS state, prepared before the app (startServer) because the HTTPS server is made from it. */
@Global()
@Module({})
export class TlsModule {
  static forRoot(tls: VenueTlsService): DynamicModule {
    return {
      module: TlsModule,
      controllers: [TlsController],
      providers: [{ provide: VenueTlsService, useValue: tls }],
      exports: [VenueTlsService],
    };
  }
}
