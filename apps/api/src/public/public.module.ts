import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { LiveModule } from '../live/live.module';
import { OlympiadsModule } from '../olympiads/olympiads.module';
import { StandingsModule } from '../standings/standings.module';
import { PublicController } from './public.controller';

@Module({ imports: [LiveModule, StandingsModule, AwardsModule, OlympiadsModule], controllers: [PublicController] })
export class PublicModule {}
