import Database from 'better-sqlite3';
import * as path from 'node:path';
import request from 'supertest';
import { addMazeField, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken } from '../support/venue-api';

/** The gate event's device clock (µs), to find it again among the stored events. */
const EVENT_T = 1_250_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The embedded broker acknowledges a device's event only once it is stored
 * (docs/sensor-contract.md#delivery). The test holds the SQLite file's write lock from outside, so
 * the server cannot store; a PUBACK in that time would be an acknowledgement of nothing.
 */
describe('the embedded broker acknowledges a device event only after storing it', () => {
  const venues: Venue[] = [];
  const devices: RawDevice[] = [];
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((device) => device.client.end(true)));
    await Promise.all(venues.splice(0).map((venue) => venue.stop()));
  });

  async function venueWithDevice() {
    const venue = await startVenue();
    venues.push(venue);
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: 1 });
    const field = await addMazeField(venue, organiser, stage, `ack-${Date.now().toString(36)}`);
    const device = await RawDevice.connect(venue.mqttUrl!, field.deviceId, field.secret, {
      reconnect: true,
    });
    devices.push(device);
    return { venue, organiser, field, device };
  }

  /** Starts a write transaction on the venue's database file and keeps it open. */
  function holdWriteLock(venue: Venue) {
    const db = new Database(path.join(venue.dataDir, 'olympiad.sqlite'));
    db.exec('BEGIN IMMEDIATE');
    return () => {
      db.exec('ROLLBACK');
      db.close();
    };
  }

  const unassigned = async (venue: Venue, organiser: string, fieldId: string) =>
    (
      await request(venue.url)
        .get(`/api/fields/${fieldId}/unassigned`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body as { deviceTimeUs: number }[];

  it('holds the acknowledgement while the database cannot store, and sends it once stored', async () => {
    const { venue, organiser, field, device } = await venueWithDevice();
    const release = holdWriteLock(venue);
    let acknowledged = false;
    const published = device
      .publish(device.gate('start', EVENT_T))
      .then(() => (acknowledged = true));
    await sleep(1500);
    expect(acknowledged).toBe(false);

    release();
    await published;
    expect(
      (await unassigned(venue, organiser, field.fieldId)).map((event) => event.deviceTimeUs),
    ).toEqual([EVENT_T]);
  });

  it('loses nothing when the server is killed between receiving an event and storing it', async () => {
    const { venue, field, device } = await venueWithDevice();
    const mqttPort = new URL(venue.mqttUrl!).port;
    const release = holdWriteLock(venue);
    const published = device.publish(device.gate('start', EVENT_T));
    await sleep(500);
    await venue.kill();
    release();

    // The same data folder and broker port: the device reconnects and sends what was not acknowledged.
    const restarted = await startVenue({ dataDir: venue.dataDir, env: { MQTT_PORT: mqttPort } });
    venues.push(restarted);
    await published;
    const token = await organiserToken(restarted);
    const stored = await eventually(async () => {
      const events = await unassigned(restarted, token, field.fieldId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(stored.map((event) => event.deviceTimeUs)).toEqual([EVENT_T]);
  });
});
