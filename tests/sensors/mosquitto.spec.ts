import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addMazeField, armRun, eventually } from '../support/field-fixture';
import type { Mosquitto } from '../support/mosquitto';
import { startVenueOnMosquitto } from '../support/mosquitto-venue';
import { RawDevice } from '../support/raw-device';
import type { Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, organiserToken, type StageFixture } from '../support/venue-api';

/** The sensor path against Debian's Mosquitto (MQTT_URL), with the ACL files the server generates. */
describe('field sensors through an external Mosquitto broker', () => {
  let broker: Mosquitto;
  let venue: Venue;
  let organiser: string;
  let judge: string;
  let stage: StageFixture;
  let first: { fieldId: string; deviceId: string; secret: string };
  let second: { fieldId: string; deviceId: string; secret: string };
  const devices: RawDevice[] = [];

  beforeAll(async () => {
    let startBroker: (organiser: string) => Promise<void>;
    ({ venue, broker, startBroker } = await startVenueOnMosquitto('olympiad-api-test'));
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 3 });
    first = await addMazeField(venue, organiser, stage, `m-a-${randomUUID().slice(0, 6)}`);
    second = await addMazeField(venue, organiser, stage, `m-b-${randomUUID().slice(0, 6)}`);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await startBroker(organiser);
  });
  afterAll(async () => {
    for (const device of devices) device.client.end(true);
    await venue?.stop();
    await broker?.stop();
  });

  const connect = async (field: { deviceId: string; secret: string }, reconnect = false) => {
    const device = await RawDevice.connect(broker.url, field.deviceId, field.secret, { reconnect });
    devices.push(device);
    return device;
  };
  // The gate's time, which awaits the judge's confirmation (docs/results-display.md).
  const primary = async (teamId: string) =>
    (await request(venue.url).get(`/api/categories/${stage.categoryId}/standings`).set('Authorization', `Bearer ${organiser}`).expect(200)).body.standings.rows.find(
      (row: { teamId: string }) => row.teamId === teamId,
    )?.unconfirmed?.primary;

  it('times a run with duplicates and the finish overtaking the start', async () => {
    const gates = await connect(first);
    await armRun(venue, judge, first.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[0], attempt: 1 });
    const start = gates.gate('start', 2_000_000);
    const finish = gates.gate('finish', 55_555_555);
    for (const message of [finish, start, start, finish]) await gates.publish(message);
    await eventually(async () => expect(await primary(stage.teamIds[0])).toBe(53_556));
  });

  it("drops a device's publication under another device's topic (the generated ACL)", async () => {
    const impostor = await connect(first);
    await impostor.publish({ v: 1, boot: 'forged01', seq: 1, t: 1, type: 'gate', gate: 'start' }, `olympiad/v1/dev/${second.deviceId}/event`).catch(() => undefined);
    const honest = await connect(second);
    await honest.publish(honest.gate('cp1', 5_000));
    await eventually(async () => {
      const stats = (await request(venue.url).get('/api/sensors/stats').set('Authorization', `Bearer ${organiser}`).expect(200)).body;
      expect(stats.accepted).toBeGreaterThanOrEqual(3);
    });
    const unassigned = (await request(venue.url).get(`/api/fields/${second.fieldId}/unassigned`).set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    expect(unassigned.filter((event: { boot: string }) => event.boot === 'forged01')).toEqual([]);
  });

  it('loses nothing when the broker restarts in the middle of a run', async () => {
    const gates = await connect(first, true);
    await armRun(venue, judge, first.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[1], attempt: 1 });
    await gates.publish(gates.gate('start', 10_000_000));
    await eventually(async () =>
      expect((await request(venue.url).get(`/api/fields/${first.fieldId}/run`).set('Authorization', `Bearer ${judge}`)).body.state).toBe('running'),
    );
    await broker.stop();
    // The robot finishes while the broker is down: the device keeps the event and sends it later.
    const finishSent = gates.publish(gates.gate('finish', 71_234_000));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await broker.start();
    await finishSent;
    await eventually(async () => expect(await primary(stage.teamIds[1])).toBe(61_234), 20000);
  });
});
