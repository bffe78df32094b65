import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TeamEntity } from './team.entity';

@Entity('team_member')
@Index(['teamId'])
export class TeamMemberEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  teamId!: string;

  @ManyToOne(() => TeamEntity, (team) => team.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teamId' })
  team?: TeamEntity;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('integer')
  grade!: number;

  @Column('integer')
  position!: number;
}
