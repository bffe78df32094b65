import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeviceStatus, DeviceStatusMessage } from '@olympiad/contracts';
import { Repository } from 'typeorm';
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
 * Online/offline, battery and signal of every device, from its retained status (with Last Will)
 * and its heartbeats; pushed to the field's room on every change. A sweep marks silent devices
 * offline so a tablet learns of a dropped device within about five seconds.
 */
@Injectable()
export class DeviceHealthService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DeviceHealth');
  private sweepTimer?: NodeJS.Timeout;
  /** Last time each device was heard, kept in memory between the coarser database writes. */
  private readonly lastHeard = new Map<string, number>();
  /** What was last written for each device, to skip writes that change nothing. */
  private readonly seen = new Map<string, { online: boolean; boot: string | null; battery: number | null; rssi: number | null; writtenAt: number }>();

  constructor(
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    private readonly live: LiveService,
  ) {}

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => void this.sweep().catch((error: Error) => this.logger.error(error.message)), 1000);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  /** The retained status message or the Last Will. Returns the previous boot id when it changed. */
  async onStatus(deviceId: string, message: DeviceStatusMessage): Promise<{ rebootedFrom: string | null }> {
    const device = await this.devices.findOneBy({ id: deviceId });
    if (!device) return { rebootedFrom: null };
    const rebootedFrom = message.boot && device.boot && message.boot !== device.boot ? device.boot : null;
    const now = new Date();
    Object.assign(device, {
      online: message.online,
      fw: message.fw ?? device.fw,
      boot: message.boot ?? device.boot,
      lastSeenAt: message.online ? now.toISOString() : device.lastSeenAt,
    });
    if (message.online) this.lastHeard.set(deviceId, now.getTime());
    else this.lastHeard.delete(deviceId);
    this.seen.delete(deviceId);
    await this.devices.save(device);
    this.publish(device);
    return { rebootedFrom };
  }

  /**
   * Any event or heartbeat: the device is alive; battery and signal come with heartbeats. Kept in
   * memory and written to the database only when something a person would see changed, or every
   * few seconds (a burst of gate events must not become a burst of writes).
   */
  async onHeard(deviceId: string, reading: { boot: string; battery?: number; rssi?: number }): Promise<void> {
    const now = Date.now();
    this.lastHeard.set(deviceId, now);
    const known = this.seen.get(deviceId);
    const battery = reading.battery !== undefined ? Math.round(reading.battery) : (known?.battery ?? null);
    const rssi = reading.rssi ?? known?.rssi ?? null;
    const changed = !known || !known.online || known.boot !== reading.boot || known.battery !== battery || known.rssi !== rssi;
    if (!changed && now - known.writtenAt < 3000) return;
    const device = await this.devices.findOneBy({ id: deviceId });
    if (!device) return;
    const wasVisible = device.online && device.boot === reading.boot && device.battery === battery && device.rssi === rssi;
    Object.assign(device, { online: true, boot: reading.boot, battery, rssi, lastSeenAt: new Date(now).toISOString() });
    await this.devices.save(device);
    this.seen.set(deviceId, { online: true, boot: reading.boot, battery, rssi, writtenAt: now });
    if (!wasVisible) this.publish(device);
  }

  async statusOfField(fieldId: string): Promise<DeviceStatus[]> {
    return (await this.devices.find({ where: { fieldId }, order: { id: 'ASC' } })).map(toDeviceStatus);
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    const online = await this.devices.findBy({ online: true });
    for (const device of online) {
      const heard = this.lastHeard.get(device.id) ?? (device.lastSeenAt ? Date.parse(device.lastSeenAt) : 0);
      if (now - heard > DEVICE_SILENCE_MS) {
        device.online = false;
        await this.devices.save(device);
        this.seen.delete(device.id);
        this.publish(device);
      }
    }
  }

  private publish(device: DeviceEntity): void {
    if (device.fieldId) this.live.toFieldStaff(device.fieldId)?.emit('device:status', toDeviceStatus(device));
  }
}
