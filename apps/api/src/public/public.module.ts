import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { StandingsModule } from '../standings/standings.module';
import { PublicController } from './public.controller';

@Module({ imports: [LiveModule, StandingsModule], controllers: [PublicController] })
export class PublicModule {}
