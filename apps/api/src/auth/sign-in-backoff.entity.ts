import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins of one user name, whether or not such an account exists (so the answer never
 * tells which names do): kept in the database so every replica sees the same back-off.
 */
@Entity('sign_in_backoff')
export class SignInBackoffEntity {
  @PrimaryColumn('varchar', { length: 64 })
  username!: string;

  @Column('integer')
  failures!: number;

  @Column('varchar', { length: 32 })
  lastFailureAt!: string;

  @Column('varchar', { length: 32, nullable: true })
  blockedUntil!: string | null;
}
