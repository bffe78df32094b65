import type { StaffRole } from '@olympiad/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A staff account (docs/security.md#staff-accounts): admin, coordinator or observer. */
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

  @Column('varchar', { length: 200, default: '' })
  displayName!: string;

  @Column('varchar', { length: 16, default: 'admin' })
  staffRole!: StaffRole;

  @Column('boolean', { default: true })
  active!: boolean;

  /** Every token carries it (`sv`); raising it ends them all (sign out everywhere, new password). */
  @Column('integer', { default: 0 })
  sessionVersion!: number;

  @Column('varchar', { length: 32, nullable: true })
  lastSignInAt!: string | null;
}
