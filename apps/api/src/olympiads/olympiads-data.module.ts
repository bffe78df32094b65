import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OlympiadsStore } from './olympiads.store';
import { OlympiadEntity } from './olympiad.entity';
import { OlympiadLogoEntity } from './olympiad-logo.entity';
import { OlympiadsQuery } from './olympiads.query';

/**
 * The olympiads and their logos: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OlympiadEntity, OlympiadLogoEntity])],
  providers: [OlympiadsQuery, OlympiadsStore],
  exports: [TypeOrmModule, OlympiadsQuery, OlympiadsStore],
})
export class OlympiadsDataModule {}
