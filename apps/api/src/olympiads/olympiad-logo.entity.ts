import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The olympiad's logo for the hall screen. Kept in the database, not on disk, so every
 * replica of a scale-out deployment serves the same picture; a separate table keeps the bytes
 * out of every olympiad query.
 */
@Entity('olympiad_logo')
export class OlympiadLogoEntity {
  @PrimaryColumn('varchar', { length: 36 })
  olympiadId!: string;

  @Column('varchar', { length: 40 })
  contentType!: string;

  /** The image, base64-encoded (portable between SQLite and PostgreSQL). */
  @Column('text')
  data!: string;

  @Column('varchar', { length: 32 })
  updatedAt!: string;
}
