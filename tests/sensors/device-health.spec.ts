import type { ClientToServerEvents, DeviceStatus, ServerToClientEvents } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { addMazeField } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, organiserToken } from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('device health reaches the field room', () => {
  let venue: Venue;
  let staff: Client;
  let field: { fieldId: string; deviceId: string; secret: string };
  const statuses: DeviceStatus[] = [];

  beforeAll(async () => {
    venue = await startVenue();
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser);
    field = await addMazeField(venue, organiser, stage, `gates-${randomUUID().slice(0, 8)}`);
    const judge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    staff = io(venue.url, { transports: ['websocket'], auth: { token: judge }, reconnection: false });
    staff.on('device:status', (status) => statuses.push(status));
    const joined = await new Promise<{ ok: boolean; devices?: DeviceStatus[] }>((resolve) => staff.emit('join', { kind: 'field', id: field.fieldId }, resolve));
    expect(joined.devices).toEqual([expect.objectContaining({ deviceId: field.deviceId, online: false, lastSeenAt: null })]);
  });
  afterAll(async () => {
    staff.close();
    await venue.stop();
  });

  const next = (predicate: (status: DeviceStatus) => boolean, ms: number) =>
    new Promise<{ status: DeviceStatus; afterMs: number }>((resolve, reject) => {
      const started = Date.now();
      const timer = setTimeout(() => reject(new Error(`no matching device:status within ${ms} ms; saw ${JSON.stringify(statuses)}`)), ms);
      const onStatus = (status: DeviceStatus) => {
        if (!predicate(status)) return;
        clearTimeout(timer);
        staff.off('device:status', onStatus);
        resolve({ status, afterMs: Date.now() - started });
      };
      staff.on('device:status', onStatus);
    });

  it('shows a device online with its battery and signal, then offline within 5 s of it dropping', async () => {
    // The heartbeat may be handled before the status message (events are stored from the broker's
    // hook, statuses come through the server's subscription): then the device shows online first
    // without its firmware.
    const online = next((status) => status.online && status.fw !== null, 5000);
    const device = await RawDevice.connect(venue.mqttUrl!, field.deviceId, field.secret, { will: true });
    await device.status(true, '1.2.0');
    await device.publish(device.heartbeat(1_000_000, 76, -58));
    expect((await online).status).toMatchObject({ deviceId: field.deviceId, online: true, fw: '1.2.0', boot: device.boot });
    const withBattery = await next((status) => status.battery === 76, 5000).catch(() => ({ status: statuses.at(-1)! }));
    expect(withBattery.status).toMatchObject({ battery: 76, rssi: -58 });

    const offline = next((status) => !status.online, 5000);
    device.drop();
    const { afterMs } = await offline;
    expect(afterMs).toBeLessThanOrEqual(5000);
  });
});
