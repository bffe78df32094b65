import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A photo attached to a protest. In the database like the olympiad logo, so every replica serves it
 * and a backup holds it; a table of its own keeps the bytes out of every protest query.
 */
@Entity('protest_attachment')
@Index(['protestId'])
export class ProtestAttachmentEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  protestId!: string;

  @Column('varchar', { length: 40 })
  contentType!: string;

  @Column('integer')
  bytes!: number;

  /** The image, base64-encoded (portable between SQLite and PostgreSQL). */
  @Column('text')
  data!: string;
}
