import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FieldEntity } from '../fields/field.entity';

/** A field sensor controller; its id is its MQTT client id and topic segment. */
@Entity('device')
export class DeviceEntity {
  @PrimaryColumn('varchar', { length: 40 })
  id!: string;

  @Column('varchar', { length: 36, nullable: true })
  fieldId!: string | null;

  @ManyToOne(() => FieldEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'fieldId' })
  field?: FieldEntity | null;

  @Column('varchar', { length: 100, default: '' })
  label!: string;

  /** scrypt hash of the device's MQTT secret; the secret itself is shown once. */
  @Column('varchar', { length: 200 })
  secretHash!: string;

  /** The same secret in Mosquitto's password-file format, for an external broker's files. */
  @Column('varchar', { length: 200, nullable: true })
  mosquittoHash!: string | null;

  @Column('varchar', { length: 32 })
  createdAt!: string;

  @Column('boolean', { default: false })
  online!: boolean;

  @Column('varchar', { length: 32, nullable: true })
  lastSeenAt!: string | null;

  @Column('varchar', { length: 40, nullable: true })
  fw!: string | null;

  @Column('varchar', { length: 40, nullable: true })
  boot!: string | null;

  /** The boot the current one replaced: a late message of it is stale, not another restart. */
  @Column('varchar', { length: 40, nullable: true })
  previousBoot!: string | null;

  @Column('integer', { nullable: true })
  battery!: number | null;

  @Column('integer', { nullable: true })
  rssi!: number | null;
}
