import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MdnsAnnouncer } from './mdns-announcer';
import { TlsController } from './tls.controller';
import { VenueTlsService } from './venue-tls.service';

/** HTTPS state and the venue's mDNS name. The HTTPS state is prepared before the app (startServer) because the HTTPS server is made from it. */
@Global()
@Module({})
export class TlsModule {
  static forRoot(tls: VenueTlsService): DynamicModule {
    return {
      module: TlsModule,
      controllers: [TlsController],
      providers: [
        { provide: VenueTlsService, useValue: tls },
        {
          provide: MdnsAnnouncer,
          useFactory: (config: AppConfig) => new MdnsAnnouncer(config),
          inject: [APP_CONFIG],
        },
      ],
      exports: [VenueTlsService, MdnsAnnouncer],
    };
  }
}
