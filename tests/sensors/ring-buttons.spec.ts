import type { ClientToServerEvents, FieldSignal, ServerToClientEvents } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addSensorField, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, organiserToken } from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The judge tablet's match clock (apps/judge/src/sumo/match-clock.tsx) starts and pauses on these.
describe('a sumo ring controller’s buttons reach the ring’s room', () => {
  let venue: Venue;
  let organiser: string;
  let staff: Client;
  let ring: { fieldId: string; deviceId: string; secret: string };
  let otherRing: { fieldId: string; deviceId: string; secret: string };
  const signals: FieldSignal[] = [];

  const addRing = (stageId: string, name: string) =>
    addSensorField(venue, organiser, stageId, `ring-${randomUUID().slice(0, 8)}`, { name, discipline: 'sumo', label: 'start button' });

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser);
    ring = await addRing(stage.stageId, 'Ring 1');
    otherRing = await addRing(stage.stageId, 'Ring 2');
    const judge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    staff = io(venue.url, { transports: ['websocket'], auth: { token: judge }, reconnection: false });
    staff.on('field:signal', (signal) => signals.push(signal));
    const joined = await new Promise<{ ok: boolean }>((resolve) => staff.emit('join', { kind: 'field', id: ring.fieldId }, resolve));
    expect(joined.ok).toBe(true);
  });
  afterAll(async () => {
    staff.close();
    await venue.stop();
  });

  it('sends start and stop once each, in order, with the device time; a repeated message is dropped', async () => {
    const device = await RawDevice.connect(venue.mqttUrl!, ring.deviceId, ring.secret);
    const start = device.button(4_000_000, 'start');
    const stop = device.button(94_000_000, 'stop');
    for (const message of [start, start, stop, stop]) await device.publish(message);

    await eventually(async () => expect(signals).toHaveLength(2));
    expect(signals).toEqual([
      expect.objectContaining({ fieldId: ring.fieldId, deviceId: ring.deviceId, type: 'button', button: 'start', deviceTimeUs: 4_000_000 }),
      expect.objectContaining({ fieldId: ring.fieldId, deviceId: ring.deviceId, type: 'button', button: 'stop', deviceTimeUs: 94_000_000 }),
    ]);
    await device.close();
  });

  it('does not send another ring’s button, a malformed press, or a press from a wrong topic', async () => {
    const before = signals.length;
    const stats = async () => (await request(venue.url).get('/api/sensors/stats').set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    const malformedBefore = (await stats()).rejected.malformed;
    const other = await RawDevice.connect(venue.mqttUrl!, otherRing.deviceId, otherRing.secret);
    await other.publish(other.button(1_000_000, 'start'));
    const device = await RawDevice.connect(venue.mqttUrl!, ring.deviceId, ring.secret);
    await device.publish({ ...device.button(2_000_000), button: 'jump' });
    await device.publish(device.button(3_000_000), `olympiad/v1/dev/${ring.deviceId}/status`);

    await eventually(async () => expect((await stats()).rejected.malformed).toBe(malformedBefore + 2));
    await sleep(300);
    expect(signals).toHaveLength(before);
    await other.close();
    await device.close();
  });
});
