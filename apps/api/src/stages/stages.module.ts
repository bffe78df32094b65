import { Module } from '@nestjs/common';
import { OlympiadsDataModule } from '../olympiads/olympiads-data.module';
import { RegionsDataModule } from '../regions/regions-data.module';
import { StagesController } from './stages.controller';
import { StagesDataModule } from './stages-data.module';
import { StagesService } from './stages.service';

@Module({
  imports: [StagesDataModule, OlympiadsDataModule, RegionsDataModule],
  controllers: [StagesController],
  providers: [StagesService],
  exports: [StagesService],
})
export class StagesModule {}
