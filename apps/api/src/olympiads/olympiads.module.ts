import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { OlympiadLogoService } from './olympiad-logo.service';
import { OlympiadsController } from './olympiads.controller';
import { OlympiadsDataModule } from './olympiads-data.module';
import { OlympiadsService } from './olympiads.service';

/** The seasons an organiser keeps and their logos. */
@Module({
  imports: [OlympiadsDataModule, StagesDataModule, LiveModule],
  controllers: [OlympiadsController],
  providers: [OlympiadsService, OlympiadLogoService],
  exports: [OlympiadsService, OlympiadLogoService],
})
export class OlympiadsModule {}
