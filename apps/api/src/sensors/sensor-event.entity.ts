import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every valid event a field device sent, kept for good (the sensors' own ledger). The unique
 * (device, boot, seq) key is the contract's de-duplication key: MQTT's at-least-once delivery and
 * a bridge's resend after an outage store one row.
 */
@Entity('sensor_event')
@Index(['deviceId', 'boot', 'seq'], { unique: true })
@Index(['fieldId', 'receivedAt'])
export class SensorEventEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 40 })
  deviceId!: string;

  /** The field the device stood on when the event arrived. */
  @Column('varchar', { length: 36, nullable: true })
  fieldId!: string | null;

  @Column('varchar', { length: 40 })
  boot!: string;

  @Column('integer')
  seq!: number;

  /** Device monotonic clock in microseconds since boot (past 2^31 after 36 minutes, hence bigint). */
  @Column('bigint', { transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) } })
  deviceTimeUs!: number;

  @Column('varchar', { length: 20 })
  type!: string;

  @Column('varchar', { length: 20, nullable: true })
  gate!: string | null;

  @Column('simple-json')
  payload!: Record<string, string | number | boolean | null>;

  /** The run this event started or finished, once one claimed it. */
  @Column('varchar', { length: 36, nullable: true })
  runId!: string | null;

  @Column('varchar', { length: 32 })
  receivedAt!: string;
}
