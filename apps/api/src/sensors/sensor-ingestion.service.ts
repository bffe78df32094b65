import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  deviceStatusMessageSchema,
  MQTT_MAX_PAYLOAD_BYTES,
  parseDeviceTopic,
  sensorEventSchema,
  type SensorIngestionStats,
  type SensorRejection,
} from '@olympiad/contracts';
import { DataSource, In } from 'typeorm';
import { TokenBucket } from '../common/token-bucket';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DevicesQuery } from '../devices/devices.query';
import { DeviceHealthService } from '../devices/device-health.service';
import { FieldsQuery } from '../fields/fields.query';
import { LiveService } from '../live/live.service';
import { RecordDeviceRebootUseCase } from '../runs/record-device-reboot.use-case';
import { RecordGateEventUseCase } from '../runs/record-gate-event.use-case';
import { EventBatcher } from './event-batcher';
import { SensorEventEntity } from './sensor-event.entity';
import { insertNewSensorEvents, toSensorEventRow } from './sensor-event-rows';

interface KnownDevice {
  fieldId: string | null;
  stageId: string | null;
  checkedAt: number;
}

/** How long a device's field assignment is trusted before it is read again. */
const DEVICE_CACHE_MS = 5000;

/**
 * Every MQTT message from a field device comes through here (docs/sensor-contract.md): checked against the
 * contract, de-duplicated on (device, boot, seq), stored, then handed to run timing and device
 * health. A bad message is counted and logged and changes nothing; nothing here may throw at the
 * MQTT client. Events are stored in group commits (one transaction for all that arrive while the
 * previous write runs), which is what lets one SQLite file take thousands of events a second.
 */
@Injectable()
export class SensorIngestionService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('SensorIngestion');
  private readonly devices = new Map<string, KnownDevice>();
  private readonly batcher = new EventBatcher<SensorEventEntity, SensorEventEntity | null>(
    (rows) => this.storeBatch(rows),
    {
      lingerMs: 0,
      maxBatch: 500,
    },
  );
  private readonly counters: SensorIngestionStats = {
    accepted: 0,
    duplicates: 0,
    rejected: { 'wrong-topic': 0, oversized: 0, malformed: 0, 'unknown-device': 0, flood: 0 },
  };
  private readonly buckets: Map<string, TokenBucket> = new Map();
  /** Messages being handled: shutdown waits for them (a start or finish gate is stored by run timing). */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recordGate: RecordGateEventUseCase,
    private readonly recordReboot: RecordDeviceRebootUseCase,
    private readonly health: DeviceHealthService,
    private readonly live: LiveService,
    private readonly deviceRecords: DevicesQuery,
    private readonly fields: FieldsQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  stats(): SensorIngestionStats {
    return { ...this.counters, rejected: { ...this.counters.rejected } };
  }

  /** Handles one MQTT message; resolves once it is stored and handed on. */
  handle(topic: string, message: Buffer): Promise<void> {
    const work = this.ingest(topic, message);
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  private async ingest(topic: string, message: Buffer): Promise<void> {
    const target = parseDeviceTopic(topic);
    if (!target || target.kind === 'cmd')
      return this.reject('wrong-topic', topic, 'not a device event or status topic');
    if (message.length > MQTT_MAX_PAYLOAD_BYTES)
      return this.reject('oversized', topic, `${message.length} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(message.toString('utf8'));
    } catch {
      return this.reject('malformed', topic, 'not JSON');
    }
    const device = await this.lookup(target.deviceId);
    if (!device)
      return this.reject('unknown-device', topic, `no registered device ${target.deviceId}`);
    if (!this.bucketOf(target.deviceId).take())
      return this.reject('flood', topic, 'more events per second than a field device sends');

    if (target.kind === 'status') {
      const status = deviceStatusMessageSchema.safeParse(json);
      if (!status.success)
        return this.reject('malformed', topic, status.error.issues[0]?.message ?? 'bad status');
      const { rebootedFrom } = await this.health.onStatus(target.deviceId, status.data);
      if (rebootedFrom && status.data.boot)
        await this.recordReboot.execute(target.deviceId, device.fieldId, status.data.boot);
      return;
    }
    const event = sensorEventSchema.safeParse(json);
    if (!event.success) {
      const issue = event.error.issues[0];
      return this.reject(
        'malformed',
        topic,
        issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'bad event',
      );
    }
    const row = toSensorEventRow(
      target.deviceId,
      device.fieldId,
      event.data,
      new Date().toISOString(),
    );
    // A start or finish gate on a field is stored by run timing together with what it does to the
    // run (one transaction); everything else goes into the next group commit.
    const stored =
      event.data.type === 'gate' && device.fieldId
        ? await this.recordGate.execute(row, device.stageId, () => this.batcher.push(row))
        : await this.batcher.push(row);
    if (!stored) {
      this.counters.duplicates++;
      return;
    }
    this.counters.accepted++;
    // A restarted device may send events before its status is handled (the two travel apart):
    // the first event of a new boot stops a run the old boot started, as the status would.
    const { rebootedFrom } = await this.health.onHeard(target.deviceId, event.data);
    if (rebootedFrom)
      await this.recordReboot.execute(target.deviceId, device.fieldId, event.data.boot);
    if ((event.data.type === 'button' || event.data.type === 'fault') && device.fieldId) {
      this.live.toFieldStaff(device.fieldId)?.emit('field:signal', {
        fieldId: device.fieldId,
        deviceId: target.deviceId,
        type: event.data.type,
        button: event.data.type === 'button' ? event.data.button : undefined,
        code: event.data.type === 'fault' ? event.data.code : undefined,
        deviceTimeUs: event.data.t,
        receivedAt: stored.receivedAt,
      });
    }
  }

  /** Drains what is waiting before the database closes (a restart loses nothing accepted). */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.batcher.drain();
  }

  /**
   * Inserts a batch in one transaction; a row whose (device, boot, seq) is already stored — or
   * appears twice in the batch — is skipped. Returns each row, or null for a duplicate.
   */
  private async storeBatch(rows: SensorEventEntity[]): Promise<(SensorEventEntity | null)[]> {
    const kept = await this.dataSource.transaction(async (manager) => {
      // Nearly always every row is new, and reading them back would cost time.
      if ((await insertNewSensorEvents(manager, rows)) === rows.length) return 'all';
      const found = await manager.find(SensorEventEntity, {
        where: { id: In(rows.map((row) => row.id)) },
        select: { id: true },
      });
      return new Set(found.map((row) => row.id));
    });
    return rows.map((row) => (kept === 'all' || kept.has(row.id) ? row : null));
  }

  private bucketOf(deviceId: string): TokenBucket {
    let bucket = this.buckets.get(deviceId);
    if (!bucket) {
      bucket = new TokenBucket(
        this.config.sensorMaxEventsPerSecond,
        this.config.sensorMaxEventsPerSecond * 2,
      );
      this.buckets.set(deviceId, bucket);
    }
    return bucket;
  }

  private async lookup(deviceId: string): Promise<KnownDevice | null> {
    const cached = this.devices.get(deviceId);
    if (cached && Date.now() - cached.checkedAt < DEVICE_CACHE_MS) return cached;
    const device = await this.deviceRecords.deviceById(deviceId);
    if (!device) {
      this.devices.delete(deviceId);
      return null;
    }
    const field = device.fieldId ? await this.fields.fieldById(device.fieldId) : null;
    const known = {
      fieldId: device.fieldId,
      stageId: field?.stageId ?? null,
      checkedAt: Date.now(),
    };
    this.devices.set(deviceId, known);
    return known;
  }

  private reject(reason: SensorRejection, topic: string, detail: string): void {
    this.counters.rejected[reason]++;
    this.logger.warn(`Rejected (${reason}) on ${topic.slice(0, 120)}: ${detail}`);
  }
}
