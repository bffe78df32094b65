import type { Repository } from 'typeorm';
import type { LiveService } from '../live/live.service';
import { describeOnEachDatabase } from '../testing/each-database';
import type { TempDatabase } from '../testing/temp-database';
import { DeviceEntity } from './device.entity';
import { DeviceHealthService } from './device-health.service';

/**
 * Two replicas' device health on one database, each with its own memory of what it wrote: with
 * shared subscriptions a device's messages are spread over both, and a message of the boot the
 * device just left can be handled after the new boot is stored
 * (docs/deploy.md#sensors-with-several-replicas).
 */
describeOnEachDatabase('device health of two replicas on %s', (_name, open) => {
  let db: TempDatabase;
  let devices: Repository<DeviceEntity>;
  let deviceNo = 0;
  let deviceId: string;

  // The device has no field, so no room is told: the live service is never reached.
  const noRooms = {} as LiveService;
  const replica = (repository: Repository<DeviceEntity> = devices) =>
    new DeviceHealthService(repository, noRooms);
  const storedBoot = async () => (await devices.findOneByOrFail({ id: deviceId })).boot;

  beforeAll(async () => {
    db = await open();
    devices = db.dataSource.getRepository(DeviceEntity);
  });
  afterAll(() => db.close());

  beforeEach(async () => {
    deviceId = `gate-${++deviceNo}`;
    await devices.insert({
      id: deviceId,
      fieldId: null,
      label: 'Start gate',
      secretHash: 'x',
      createdAt: new Date().toISOString(),
    });
  });

  it('keeps the new boot when an event of the old one is handled late by the other replica', async () => {
    const [a, b] = [replica(), replica()];
    expect(await a.onHeard(deviceId, { boot: 'old-boot', battery: 90 })).toEqual({
      rebootedFrom: null,
    });
    expect(await b.onHeard(deviceId, { boot: 'old-boot', battery: 89 })).toEqual({
      rebootedFrom: null,
    });
    expect(await a.onHeard(deviceId, { boot: 'new-boot', battery: 88 })).toEqual({
      rebootedFrom: 'old-boot',
    });

    // B still remembers the old boot as the one it wrote.
    expect(await b.onHeard(deviceId, { boot: 'old-boot', battery: 87 })).toEqual({
      rebootedFrom: null,
    });
    expect(await storedBoot()).toBe('new-boot');

    // The new boot's next events are no second restart, on either replica.
    expect(await b.onHeard(deviceId, { boot: 'new-boot', battery: 86 })).toEqual({
      rebootedFrom: null,
    });
    expect(await a.onHeard(deviceId, { boot: 'new-boot', battery: 85 })).toEqual({
      rebootedFrom: null,
    });
    expect(await storedBoot()).toBe('new-boot');
  });

  it('keeps the new boot when the old boot’s status is handled late by the other replica', async () => {
    const [a, b] = [replica(), replica()];
    await a.onStatus(deviceId, { online: true, fw: '1.0.0', boot: 'old-boot' });
    expect(await a.onStatus(deviceId, { online: true, fw: '1.0.1', boot: 'new-boot' })).toEqual({
      rebootedFrom: 'old-boot',
    });
    expect(await b.onStatus(deviceId, { online: true, fw: '1.0.0', boot: 'old-boot' })).toEqual({
      rebootedFrom: null,
    });
    const device = await devices.findOneByOrFail({ id: deviceId });
    expect({ boot: device.boot, fw: device.fw }).toEqual({ boot: 'new-boot', fw: '1.0.1' });
    expect(await b.onHeard(deviceId, { boot: 'new-boot' })).toEqual({ rebootedFrom: null });
  });

  it('does not undo the other replica’s write made while a Last Will is handled', async () => {
    const b = replica();
    await b.onHeard(deviceId, { boot: 'old-boot', battery: 90 });
    // Replica A's first statement on the device is let through, then replica B hears the
    // device's new boot before A's next statement: whatever A read before, it must not write the
    // old boot back.
    let interleaved = false;
    const throughA = new Proxy(devices, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const result = await value.apply(target, args);
          if (!interleaved) {
            interleaved = true;
            await b.onHeard(deviceId, { boot: 'new-boot', battery: 80 });
          }
          return result;
        };
      },
    });
    await replica(throughA).onStatus(deviceId, { online: false });
    expect(interleaved).toBe(true);
    const device = await devices.findOneByOrFail({ id: deviceId });
    expect({ boot: device.boot, battery: device.battery }).toEqual({
      boot: 'new-boot',
      battery: 80,
    });
  });
});
