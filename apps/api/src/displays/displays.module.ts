import { Module } from '@nestjs/common';
import { StagesDataModule } from '../stages/stages-data.module';
import { DisplaysController } from './displays.controller';
import { DisplaysGateway } from './displays.gateway';
import { DisplaysService } from './displays.service';

@Module({
  imports: [StagesDataModule],
  controllers: [DisplaysController],
  providers: [DisplaysService, DisplaysGateway],
})
export class DisplaysModule {}
