import mqtt, { type MqttClient } from 'mqtt';
import * as net from 'node:net';
import request from 'supertest';
import { addMazeField, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';

/**
 * What a broken or hostile MQTT client can do to the embedded broker (docs/sensor-contract.md,
 * limits per connection): the server stays up, stores nothing it should not, and the honest
 * devices go on.
 */
describe('the embedded broker under hostile MQTT clients', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let first: { fieldId: string; deviceId: string; secret: string };
  let second: { fieldId: string; deviceId: string; secret: string };
  const open: RawDevice[] = [];

  beforeAll(async () => {
    venue = await startVenue({ env: { SENSOR_MAX_EVENTS_PER_SECOND: '100000' } });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 1 });
    first = await addMazeField(venue, organiser, stage, 'hostile-a');
    second = await addMazeField(venue, organiser, stage, 'hostile-b');
  });
  afterEach(() => Promise.all(open.splice(0).map((device) => device.client.end(true))));
  afterAll(() => venue.stop());

  const auth = () => ({ Authorization: `Bearer ${organiser}` });
  const stats = async () =>
    (await request(venue.url).get('/api/sensors/stats').set(auth()).expect(200)).body as {
      accepted: number;
      rejected: Record<string, number>;
    };
  const deviceStatus = async (deviceId: string) =>
    (
      (await request(venue.url).get(`/api/stages/${stage.stageId}/devices`).set(auth()).expect(200))
        .body as { id: string; online: boolean }[]
    ).find((device) => device.id === deviceId);
  const connect = async (device: { deviceId: string; secret: string }, options = {}) => {
    const connected = await RawDevice.connect(
      venue.mqttUrl!,
      device.deviceId,
      device.secret,
      options,
    );
    open.push(connected);
    return connected;
  };

  it('closes a connection whose first packet announces 200 MB instead of reading it', async () => {
    const { port } = new URL(venue.mqttUrl!);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let closed = false;
    socket.once('close', () => (closed = true));
    socket.on('error', () => undefined);
    // A CONNECT with a remaining length of 200,000,000 bytes, then its body as fast as it goes: a
    // broker that reads it keeps taking megabytes; the guard closes the connection at once.
    socket.write(Buffer.from([0x10, 0x80, 0x84, 0xaf, 0x5f]));
    const chunk = Buffer.alloc(64 * 1024);
    let written = 0;
    while (!closed && written < 50_000_000) {
      written += chunk.length;
      if (!socket.write(chunk))
        await new Promise<void>((resolve) => {
          socket.once('drain', resolve);
          socket.once('close', resolve);
        });
    }
    socket.destroy();
    expect(closed).toBe(true);
    expect(written).toBeLessThan(20_000_000);
    await request(venue.url).get('/api/health').expect(200);
  });

  it("closes a signed-in device's connection on a 100 KB packet; nothing is stored and it connects again", async () => {
    const before = await stats();
    const device = await connect(first);
    const closed = new Promise<void>((resolve) => device.client.once('close', () => resolve()));
    void device.publish('x'.repeat(100_000)).catch(() => undefined);
    await closed;
    const after = await stats();
    expect(after.accepted).toBe(before.accepted);
    expect(after.rejected).toEqual(before.rejected);

    const again = await connect(first);
    await again.publish(again.heartbeat(1_000_000));
    await eventually(async () => expect((await stats()).accepted).toBe(before.accepted + 1));
  });

  it('refuses a Last Will on another device’s status topic: that device stays online', async () => {
    const honest = await connect(second);
    await honest.status(true);
    await eventually(async () => expect((await deviceStatus(second.deviceId))?.online).toBe(true));

    const withForeignWill = mqtt.connect(venue.mqttUrl!, {
      clientId: first.deviceId,
      username: first.deviceId,
      password: first.secret,
      reconnectPeriod: 0,
      will: {
        topic: `olympiad/v1/dev/${second.deviceId}/status`,
        payload: Buffer.from('{"online":false}'),
        qos: 1,
        retain: true,
      },
    });
    await new Promise<void>((resolve, reject) => {
      withForeignWill.once('connect', () => resolve());
      withForeignWill.once('error', reject);
    });
    withForeignWill.stream.destroy();
    withForeignWill.end(true);
    // The broker tries to publish the will at once, and says so when it refuses it.
    const refusal = `Refused: device ${first.deviceId} may not publish to olympiad/v1/dev/${second.deviceId}/status`;
    await eventually(async () => expect(venue.output()).toContain(refusal));
    expect((await deviceStatus(second.deviceId))?.online).toBe(true);
  });

  it('stays up through a device id connecting 100 times a second, and the device goes on after', async () => {
    const before = await stats();
    // Each connection with the same client id takes the session over from the one before.
    const storm: MqttClient[] = [];
    for (let round = 0; round < 200; round++) {
      storm.push(
        mqtt.connect(venue.mqttUrl!, {
          clientId: first.deviceId,
          username: first.deviceId,
          password: first.secret,
          reconnectPeriod: 0,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await request(venue.url).get('/api/health').expect(200);
    storm.forEach((client) => client.end(true));

    const device = await connect(first);
    await device.publish(device.heartbeat(3_000_000));
    await eventually(async () => expect((await stats()).accepted).toBe(before.accepted + 1));
  });
});
