import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TeamEntity } from './team.entity';
import { TeamMemberEntity } from './team-member.entity';
import { TeamsQuery } from './teams.query';
import { TeamsStore } from './teams.store';

/**
 * The teams and their members: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TeamEntity, TeamMemberEntity])],
  providers: [TeamsQuery, TeamsStore],
  exports: [TypeOrmModule, TeamsQuery, TeamsStore],
})
export class TeamsDataModule {}
