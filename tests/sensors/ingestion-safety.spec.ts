import { randomBytes, randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import request from 'supertest';
import { addMazeField, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';

/** A seeded PRNG so a failing fuzz run can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('sensor ingestion refuses what it must and never crashes', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let first: { fieldId: string; deviceId: string; secret: string };
  let second: { fieldId: string; deviceId: string; secret: string };

  beforeAll(async () => {
    // The fuzz below sends 1,000 messages as fast as it can; the flood limit has its own test.
    venue = await startVenue({ env: { SENSOR_MAX_EVENTS_PER_SECOND: '100000' } });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 2 });
    first = await addMazeField(venue, organiser, stage, `gate-a-${randomUUID().slice(0, 6)}`);
    second = await addMazeField(venue, organiser, stage, `gate-b-${randomUUID().slice(0, 6)}`);
  });
  afterAll(() => venue.stop());

  const stats = async () => (await request(venue.url).get('/api/sensors/stats').set('Authorization', `Bearer ${organiser}`).expect(200)).body;
  const storedEvents = async () =>
    (await request(venue.url).get(`/api/fields/${second.fieldId}/unassigned`).set('Authorization', `Bearer ${organiser}`).expect(200)).body
      .length as number;

  it('refuses a device with a wrong secret, and one connecting under another id', async () => {
    await expect(RawDevice.connect(venue.mqttUrl!, first.deviceId, 'wrong-secret')).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
    const impostor = mqtt.connect(venue.mqttUrl!, { clientId: second.deviceId, username: first.deviceId, password: first.secret, reconnectPeriod: 0 });
    await expect(new Promise((resolve, reject) => { impostor.once('connect', resolve); impostor.once('error', reject); })).rejects.toThrow();
    impostor.end(true);
  });

  it("refuses a device publishing under another device's topic: nothing stored, connection closed", async () => {
    const before = await storedEvents();
    const device = await RawDevice.connect(venue.mqttUrl!, first.deviceId, first.secret);
    const closed = new Promise<void>((resolve) => device.client.once('close', () => resolve()));
    const forged = { v: 1, boot: 'forged1', seq: 1, t: 1000, type: 'gate', gate: 'start' };
    void device.publish(forged, `olympiad/v1/dev/${second.deviceId}/event`).catch(() => undefined);
    await closed;
    device.client.end(true);
    await request(venue.url).get('/api/health').expect(200);
    expect(await storedEvents()).toBe(before);
  });

  it('survives 1,000 fuzzed payloads; every message is counted once and nothing scores', async () => {
    const standingsBefore = (await request(venue.url).get(`/api/categories/${stage.categoryId}/standings`).set('Authorization', `Bearer ${organiser}`)).body;
    const before = await stats();
    const device = await RawDevice.connect(venue.mqttUrl!, second.deviceId, second.secret);
    const random = prng(20261205);
    const expected = { accepted: 0, duplicates: 0, malformed: 0, oversized: 0 };
    const sent: string[] = [];
    let seq = 0;
    for (let i = 0; i < 1000; i++) {
      const roll = random();
      let body: string;
      if (roll < 0.25) {
        body = randomBytes(1 + Math.floor(random() * 200)).toString('latin1');
        expected.malformed++;
      } else if (roll < 0.45) {
        const broken: Record<string, unknown>[] = [
          { v: 2, boot: 'fuzzboot', seq: 1, t: 1, type: 'gate', gate: 'start' },
          { v: 1, boot: 'fuzzboot', seq: -1, t: 1, type: 'gate', gate: 'start' },
          { v: 1, boot: 'fuzzboot', seq: 1, t: 'soon', type: 'gate', gate: 'start' },
          { v: 1, boot: 'fuzzboot', seq: 1, t: 1, type: 'laser' },
          { v: 1, boot: 'x', seq: 1, t: 1, type: 'gate', gate: 'start' },
          { v: 1, boot: 'fuzzboot', seq: 1, t: 1, type: 'gate', gate: 'exit' },
          { v: 1, boot: 'fuzzboot', seq: 1.5, t: 1, type: 'heartbeat' },
          { v: 1, boot: 'fuzzboot', seq: 1, t: 1, type: 'heartbeat', battery: 140 },
          { v: 1, boot: 'fuzzboot', seq: 1, t: 1, type: 'heartbeat', extra: true },
        ];
        body = JSON.stringify(broken[Math.floor(random() * broken.length)]);
        expected.malformed++;
      } else if (roll < 0.5) {
        body = JSON.stringify({ v: 1, boot: 'fuzzboot', seq: 1, t: 1, type: 'fault', code: 'x'.repeat(2000) });
        expected.oversized++;
      } else if (roll < 0.6 && sent.length > 0) {
        body = sent[Math.floor(random() * sent.length)];
        expected.duplicates++;
      } else {
        const kind = random() < 0.5 ? 'heartbeat' : 'gate';
        const event = kind === 'gate' ? { v: 1, boot: 'fuzzboot', seq: seq++, t: seq * 1000, type: 'gate', gate: random() < 0.5 ? 'start' : 'cp1' } : { v: 1, boot: 'fuzzboot', seq: seq++, t: seq * 1000, type: 'heartbeat', battery: 50, rssi: -70 };
        body = JSON.stringify(event);
        sent.push(body);
        expected.accepted++;
      }
      await device.publish(body);
    }
    const after = await eventually(async () => {
      const now = await stats();
      const handled =
        now.accepted - before.accepted +
        (now.duplicates - before.duplicates) +
        (now.rejected.malformed - before.rejected.malformed) +
        (now.rejected.oversized - before.rejected.oversized);
      expect(handled).toBe(1000);
      return now;
    }, 20000);
    expect(after.accepted - before.accepted).toBe(expected.accepted);
    expect(after.duplicates - before.duplicates).toBe(expected.duplicates);
    expect(after.rejected.malformed - before.rejected.malformed).toBe(expected.malformed);
    expect(after.rejected.oversized - before.rejected.oversized).toBe(expected.oversized);
    await device.close();

    const health = (await request(venue.url).get('/api/health').expect(200)).body;
    expect(health.status).toBe('ok');
    const standingsAfter = (await request(venue.url).get(`/api/categories/${stage.categoryId}/standings`).set('Authorization', `Bearer ${organiser}`)).body;
    expect(standingsAfter.standings).toEqual(standingsBefore.standings);
  });
});

describe('a flooding device', () => {
  it('is cut to its rate: the excess is refused and counted, nothing else changes', async () => {
    const venue = await startVenue({ env: { SENSOR_MAX_EVENTS_PER_SECOND: '50' } });
    try {
      const organiser = await organiserToken(venue);
      const stage = await createMazeStage(venue, organiser, { teams: 1 });
      const field = await addMazeField(venue, organiser, stage, `flood-${randomUUID().slice(0, 6)}`);
      const device = await RawDevice.connect(venue.mqttUrl!, field.deviceId, field.secret);
      // A flooding device does not wait for each acknowledgement, which the broker now sends only
      // once an event is stored: one at a time, the 400 would take long enough to earn their tokens.
      await Promise.all(Array.from({ length: 400 }, (_, i) => device.publish(device.heartbeat(1000 + i))));
      const stats = await eventually(async () => {
        const now = (await request(venue.url).get('/api/sensors/stats').set('Authorization', `Bearer ${organiser}`).expect(200)).body;
        expect(now.accepted + now.rejected.flood).toBe(400);
        return now;
      });
      // A burst of twice the rate, plus what refilled while the 400 were being sent.
      expect(stats.accepted).toBeGreaterThanOrEqual(100);
      expect(stats.accepted).toBeLessThan(400);
      expect(stats.rejected.flood).toBe(400 - stats.accepted);
      await device.close();
      expect((await request(venue.url).get('/api/health').expect(200)).body.status).toBe('ok');
    } finally {
      await venue.stop();
    }
  });
});
