import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { FieldsDataModule } from '../fields/fields-data.module';
import { OlympiadsDataModule } from '../olympiads/olympiads-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { StandingsModule } from '../standings/standings.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';
import { RoomBeacons } from './room-beacons.service';

@Module({
  imports: [
    AuthModule,
    StandingsModule,
    StagesDataModule,
    CategoriesDataModule,
    FieldsDataModule,
    TeamsDataModule,
    OlympiadsDataModule,
  ],
  providers: [LiveService, LiveGateway, RoomBeacons],
  exports: [LiveService],
})
export class LiveModule {}
