import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeviceStatus, DeviceStatusMessage } from '@olympiad/contracts';
import { IsNull, LessThan, Repository } from 'typeorm';
import { LiveService } from '../live/live.service';
import { DeviceEntity } from './device.entity';

/** A device silent for longer than this is shown offline even before the broker's Last Will. */
export const DEVICE_SILENCE_MS = 4000;

export function toDeviceStatus(device: DeviceEntity): DeviceStatus {
  return {
    deviceId: device.id,
    fieldId: device.fieldId,
    online: device.online,
    fw: device.fw,
    boot: device.boot,
    battery: device.battery,
    rssi: device.rssi,
    lastSeenAt: device.lastSeenAt,
  };
}

/**
 * How often the database's last-seen time of a device that is heard is brought up to date. The
 * sweep decides from the database, and with several replicas each hears only part of a device's
 * messages (docs/deploy.md#sensors-with-several-replicas): the time written must stay well within
 * DEVICE_SILENCE_MS of the device's last message, whichever replica heard it.
 */
const LAST_SEEN_REFRESH_MS = 1000;

/**
 * Online/offline, battery and signal of every device, from its status message (with Last Will)
 * and its heartbeats; pushed to the field's room on every change. A sweep marks devices offline
 * whose last-seen time in the database is too old, so a tablet learns of a dropped device within
 * about five seconds, and every replica answers the same (the status lives in the database).
 */
@Injectable()
export class DeviceHealthService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DeviceHealth');
  private sweepTimer?: NodeJS.Timeout;
  /** What this replica last wrote for each device, to skip writes that change nothing. */
  private readonly seen = new Map<
    string,
    { boot: string; battery: number | null; rssi: number | null; writtenAt: number }
  >();

  constructor(
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    private readonly live: LiveService,
  ) {}

  onModuleInit(): void {
    this.sweepTimer = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.error(error.message)),
      1000,
    );
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  /**
   * The status message or the Last Will. Returns the previous boot id when it changed. Only the
   * columns the message sets are written, so a replica's write between this read and this write
   * (docs/deploy.md#sensors-with-several-replicas) is not undone.
   */
  async onStatus(
    deviceId: string,
    message: DeviceStatusMessage,
  ): Promise<{ rebootedFrom: string | null }> {
    const values: Partial<DeviceEntity> = {
      online: message.online,
      ...(message.fw ? { fw: message.fw } : {}),
      ...(message.online ? { lastSeenAt: new Date().toISOString() } : {}),
    };
    let rebootedFrom: string | null = null;
    if (message.boot) {
      const written = await this.writeForBoot(deviceId, message.boot, values);
      if (written === 'stale') return { rebootedFrom: null };
      rebootedFrom = written?.rebootedFrom ?? null;
    } else await this.devices.update({ id: deviceId }, values);
    this.seen.delete(deviceId);
    const device = await this.devices.findOneBy({ id: deviceId });
    if (device) this.publish(device);
    return { rebootedFrom };
  }

  /**
   * Any event or heartbeat: the device is alive; battery and signal come with heartbeats. Written
   * when something a person would see changed, or when this replica last wrote it more than
   * LAST_SEEN_REFRESH_MS ago (a burst of gate events must not become a burst of writes). Returns
   * the stored boot id when this event's differs: the device restarted, whether or not its status
   * message (which travels separately) has been handled yet. A late event of the boot the stored
   * one replaced changes nothing.
   */
  async onHeard(
    deviceId: string,
    reading: { boot: string; battery?: number; rssi?: number },
  ): Promise<{ rebootedFrom: string | null }> {
    const now = Date.now();
    const known = this.seen.get(deviceId);
    const battery =
      reading.battery !== undefined ? Math.round(reading.battery) : (known?.battery ?? null);
    const rssi = reading.rssi ?? known?.rssi ?? null;
    const changed =
      !known || known.boot !== reading.boot || known.battery !== battery || known.rssi !== rssi;
    if (!changed && now - known.writtenAt < LAST_SEEN_REFRESH_MS) return { rebootedFrom: null };
    const values = { online: true, battery, rssi, lastSeenAt: new Date(now).toISOString() };
    // Nearly always the stored boot is this one and the device online: one statement.
    const refreshed = await this.devices.update(
      { id: deviceId, boot: reading.boot, online: true },
      values,
    );
    let rebootedFrom: string | null = null;
    let cameOnline = false;
    if (!refreshed.affected) {
      // New, restarted, or marked offline by a sweep of any replica: the screens are told.
      const written = await this.writeForBoot(deviceId, reading.boot, values);
      if (!written || written === 'stale') return { rebootedFrom: null };
      rebootedFrom = written.rebootedFrom;
      cameOnline = !written.wasOnline;
    }
    this.seen.set(deviceId, { boot: reading.boot, battery, rssi, writtenAt: now });
    if (changed || cameOnline) {
      const device = await this.devices.findOneBy({ id: deviceId });
      if (device) this.publish(device);
    }
    return { rebootedFrom };
  }

  /**
   * Writes `values` for a message of `boot`. Every write is conditional on the boot read just
   * before, so replicas hearing one device at once cannot write an older boot over a newer one:
   * the boot the stored one replaced is `stale` (nothing written), any other boot replaces the
   * stored one, and a boot changed by another replica in between is read again. Null for a device
   * that is not registered.
   */
  private async writeForBoot(
    deviceId: string,
    boot: string,
    values: Partial<DeviceEntity>,
  ): Promise<{ rebootedFrom: string | null; wasOnline: boolean } | 'stale' | null> {
    for (;;) {
      const row = await this.devices.findOne({
        where: { id: deviceId },
        select: { id: true, boot: true, previousBoot: true, online: true },
      });
      if (!row) return null;
      if (row.boot === boot) {
        const written = await this.devices.update({ id: deviceId, boot }, values);
        if (written.affected) return { rebootedFrom: null, wasOnline: row.online };
        continue;
      }
      if (row.previousBoot === boot) return 'stale';
      const written = await this.devices.update(
        { id: deviceId, boot: row.boot ?? IsNull() },
        { ...values, boot, previousBoot: row.boot },
      );
      if (written.affected) return { rebootedFrom: row.boot, wasOnline: row.online };
    }
  }

  async statusOfField(fieldId: string): Promise<DeviceStatus[]> {
    return (await this.devices.find({ where: { fieldId }, order: { id: 'ASC' } })).map(
      toDeviceStatus,
    );
  }

  /**
   * Each replica sweeps; the conditional UPDATE lets only the replica that changed the row tell the
   * screens, and a device whose last-seen time another replica has just written stays online.
   */
  private async sweep(): Promise<void> {
    const cutoff = new Date(Date.now() - DEVICE_SILENCE_MS).toISOString();
    const silent = [
      { online: true, lastSeenAt: LessThan(cutoff) },
      { online: true, lastSeenAt: IsNull() },
    ];
    for (const device of await this.devices.find({ where: silent })) {
      const lastSeenAt = device.lastSeenAt === null ? IsNull() : LessThan(cutoff);
      const marked = await this.devices.update(
        { id: device.id, online: true, lastSeenAt },
        { online: false },
      );
      if (!marked.affected) continue;
      this.seen.delete(device.id);
      this.publish({ ...device, online: false });
    }
  }

  private publish(device: DeviceEntity): void {
    if (device.fieldId)
      this.live.toFieldStaff(device.fieldId)?.emit('device:status', toDeviceStatus(device));
  }
}
