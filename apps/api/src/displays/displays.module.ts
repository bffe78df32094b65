import { Module } from '@nestjs/common';
import { DisplaysController } from './displays.controller';
import { DisplaysGateway } from './displays.gateway';
import { DisplaysService } from './displays.service';

@Module({ controllers: [DisplaysController], providers: [DisplaysService, DisplaysGateway] })
export class DisplaysModule {}
