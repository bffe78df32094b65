import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('organiser_account')
export class OrganiserAccountEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  username!: string;

  @Column('varchar', { length: 200 })
  passwordHash!: string;

  @Column('varchar', { length: 32 })
  createdAt!: string;
}
