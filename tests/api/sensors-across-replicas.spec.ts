import type {
  ClientToServerEvents,
  DeviceStatus,
  DeviceSummary,
  LedgerEntry,
  RunState,
  ServerToClientEvents,
} from '@olympiad/contracts';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addSensorField, armRun, eventually } from '../support/field-fixture';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { freePort, Mosquitto } from '../support/mosquitto';
import { RawDevice } from '../support/raw-device';
import { RedisServer } from '../support/redis';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

type Staff = Socket<ServerToClientEvents, ClientToServerEvents>;
type Field = { fieldId: string; deviceId: string; secret: string };

const SERVER_USER = 'olympiad-api';
const ATTEMPTS = 3; // the maze-default rule set's attempts
const TEAMS_PER_FIELD = 2;
/** The reference bridge's heartbeat (firmware-bridge/src/cli.ts). */
const HEARTBEAT_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// docs/deploy.md#sensors-with-several-replicas: two replicas on one PostgreSQL and one Mosquitto
// split the devices' messages through a shared subscription; a field's gate events take turns
// through a database lock whichever replica gets them, and device health is decided in the database.
describeOnPostgres(
  'field sensors through one Mosquitto with two replicas (PostgreSQL, Redis)',
  () => {
    let redis: RedisServer;
    let broker: Mosquitto;
    let databaseUrl: string;
    let env: Record<string, string>;
    let replicas: Venue[] = [];
    let organiser: string;
    let judge: string;
    let stage: StageFixture;
    let fields: Field[];
    const devices: RawDevice[] = [];
    const staff: Staff[] = [];

    beforeAll(async () => {
      redis = await RedisServer.start();
      broker = new Mosquitto(await freePort());
      databaseUrl = await freshPostgresDatabase();
      const serverPassword = randomBytes(18).toString('base64url');
      env = {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        MQTT_URL: broker.url,
        MQTT_USERNAME: SERVER_USER,
        MQTT_PASSWORD: serverPassword,
      };
      replicas = [await startVenue({ env: { ...env, MQTT_CLIENT_ID: 'olympiad-replica-a' } })];
      replicas.push(await startVenue({ env: { ...env, MQTT_CLIENT_ID: 'olympiad-replica-b' } }));
      const [a, b] = replicas;
      organiser = await organiserToken(a);
      stage = await createMazeStage(a, organiser, { teams: 2 * TEAMS_PER_FIELD });
      const suffix = randomBytes(3).toString('hex');
      fields = [
        await addSensorField(a, organiser, stage.stageId, `gates-1-${suffix}`, {
          name: 'Maze table 1',
          discipline: 'maze',
          label: 'gates',
        }),
        await addSensorField(b, organiser, stage.stageId, `gates-2-${suffix}`, {
          name: 'Maze table 2',
          discipline: 'maze',
          label: 'gates',
        }),
      ];
      judge = await judgeToken(b, stage.stageCode, stage.judge.pin);

      // Devices are registered: the broker starts with the password and ACL files the server writes.
      broker.writeFiles(
        (
          await request(a.url)
            .post('/api/devices/mosquitto-files')
            .set('Authorization', `Bearer ${organiser}`)
            .send({ serverUsername: SERVER_USER, serverPassword, port: broker.port })
            .expect(200)
        ).body,
      );
      await broker.start();
      for (const replica of replicas) {
        await eventually(async () => {
          const health = (await request(replica.url).get('/api/health').expect(200)).body;
          expect(health.mqtt).toMatchObject({ mode: 'external', ready: true });
        }, 15000);
      }
      // Both replicas' subscriptions are in place once each has taken a device's message.
      const probe = await RawDevice.connect(broker.url, fields[0].deviceId, fields[0].secret);
      for (let t = 1; ; t++) {
        await probe.publish(probe.gate('cp1', t));
        const counters = await Promise.all(replicas.map(sensorCounters));
        if (counters.every((counter) => counter.accepted > 0)) break;
        if (t > 100)
          throw new Error(`a replica takes no device messages: ${JSON.stringify(counters)}`);
        await sleep(100);
      }
      await probe.close();
    });
    afterAll(async () => {
      for (const socket of staff) socket.close();
      for (const device of devices) device.client.end(true);
      await Promise.all(replicas.map((replica) => replica.stop()));
      await broker?.stop();
      await redis?.close();
    });

    async function storedEvents(): Promise<number> {
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        return Number((await db.query('SELECT count(*) AS n FROM sensor_event')).rows[0].n);
      } finally {
        await db.end();
      }
    }

    /** This replica's `olympiad_sensor_events_total` by outcome, from its /api/metrics. */
    async function sensorCounters(
      replica: Venue,
    ): Promise<{ accepted: number; duplicate: number }> {
      const text = (await request(replica.url).get('/api/metrics').expect(200)).text;
      const count = (outcome: string) =>
        Number(
          new RegExp(
            `^olympiad_sensor_events_total\\{outcome="${outcome}",reason=""\\} (\\d+)`,
            'm',
          ).exec(text)?.[1] ?? NaN,
        );
      return { accepted: count('accepted'), duplicate: count('duplicate') };
    }

    const runOf = async (replica: Venue, fieldId: string): Promise<RunState> =>
      (
        await request(replica.url)
          .get(`/api/fields/${fieldId}/run`)
          .set('Authorization', `Bearer ${judge}`)
          .expect(200)
      ).body;

    const devicesOn = async (replica: Venue): Promise<DeviceSummary[]> =>
      (
        await request(replica.url)
          .get(`/api/stages/${stage.stageId}/devices`)
          .set('Authorization', `Bearer ${organiser}`)
          .expect(200)
      ).body;

    const connect = async (field: Field, will = false) => {
      const device = await RawDevice.connect(broker.url, field.deviceId, field.secret, { will });
      devices.push(device);
      return device;
    };

    it('stores each event once, gives each replica a share and times each run once, the finish before its start or not', async () => {
      const [a, b] = replicas;
      const before = (await Promise.all(replicas.map(sensorCounters))).reduce(
        (sum, counters) => ({
          accepted: sum.accepted + counters.accepted,
          duplicate: sum.duplicate + counters.duplicate,
        }),
        { accepted: 0, duplicate: 0 },
      );
      const storedBefore = await storedEvents();
      let published = 0;
      let distinct = 0;
      const expected: { teamId: string; attempt: number; timeMs: number }[] = [];

      const playField = async (field: Field, fieldIndex: number) => {
        const device = await connect(field);
        let clock = 1_000_000;
        for (let run = 0; run < TEAMS_PER_FIELD * ATTEMPTS; run++) {
          const teamId = stage.teamIds[fieldIndex * TEAMS_PER_FIELD + Math.floor(run / ATTEMPTS)];
          const attempt = (run % ATTEMPTS) + 1;
          const timeMs = 20_000 + 1_237 * run + 311 * fieldIndex;
          expected.push({ teamId, attempt, timeMs });
          // Armed through either replica; the device's messages go to both in turn.
          await armRun(replicas[run % 2], judge, field.fieldId, {
            categoryId: stage.categoryId,
            teamId,
            attempt,
          });
          const heartbeat = device.heartbeat(clock);
          const start = device.gate('start', clock + 500_000);
          const checkpoint = device.gate('cp1', clock + 500_000 + (timeMs * 1000) / 2);
          const finish = device.gate('finish', clock + 500_000 + timeMs * 1000);
          clock += 500_000 + timeMs * 1000 + 3_000_000;
          distinct += 4;
          // The finish overtakes its start in two runs of three; every run has a resent gate.
          const order = [
            [heartbeat, start, checkpoint, finish, finish],
            [heartbeat, finish, start, checkpoint, start],
            [finish, heartbeat, checkpoint, start, finish, start],
          ][run % 3];
          for (const message of order) await device.publish(message);
          published += order.length;
          const timed = await eventually(async () => {
            const state = await runOf(replicas[(run + 1) % 2], field.fieldId);
            expect(state).toMatchObject({ state: 'finished', teamId, attempt });
            return state;
          }, 15000);
          expect(timed).toMatchObject({ durationMs: timeMs });
        }
      };
      await Promise.all(fields.map(playField));

      // Each message reached one replica: the two together took each event once and each resend as a duplicate.
      const counters = await eventually(async () => {
        const perReplica = await Promise.all(replicas.map(sensorCounters));
        const accepted = perReplica[0].accepted + perReplica[1].accepted - before.accepted;
        const duplicate = perReplica[0].duplicate + perReplica[1].duplicate - before.duplicate;
        expect(accepted + duplicate).toBeGreaterThanOrEqual(published);
        return { perReplica, accepted, duplicate };
      }, 10000);
      expect({ accepted: counters.accepted, duplicate: counters.duplicate }).toEqual({
        accepted: distinct,
        duplicate: published - distinct,
      });
      for (const replica of counters.perReplica) expect(replica.accepted).toBeGreaterThan(0);
      expect((await storedEvents()) - storedBefore).toBe(distinct);

      // One provisional attempt per run, timed by the device clocks, whichever replica is asked.
      for (const replica of [a, b]) {
        const ledger: LedgerEntry[] = (
          await request(replica.url)
            .get(`/api/categories/${stage.categoryId}/ledger`)
            .set('Authorization', `Bearer ${organiser}`)
            .expect(200)
        ).body;
        const timed = ledger
          .filter((entry) => entry.deviceId !== null)
          .map((entry) => ({
            teamId: entry.teamId,
            attempt: entry.payload.attempt,
            timeMs: entry.payload.timeMs,
          }));
        const byRun = (x: { teamId: string | null; attempt: unknown }, y: typeof x) =>
          `${x.teamId}/${x.attempt}`.localeCompare(`${y.teamId}/${y.attempt}`);
        expect(timed.sort(byRun)).toEqual([...expected].sort(byRun));
      }
    }, 120_000);

    it('answers the same device status on both replicas: online while each hears only part of the heartbeats, offline after a Last Will or silence', async () => {
      const [a, b] = replicas;
      const head = await judgeToken(a, stage.stageCode, stage.headJudge.pin);
      const statuses: DeviceStatus[] = [];
      for (const replica of replicas) {
        const socket: Staff = io(replica.url, {
          transports: ['websocket'],
          auth: { token: head },
          reconnection: false,
        });
        staff.push(socket);
        socket.on('device:status', (status) => statuses.push(status));
        for (const field of fields) {
          const joined = await new Promise<{ ok: boolean }>((resolve) =>
            socket.emit('join', { kind: 'field', id: field.fieldId }, resolve),
          );
          expect(joined.ok).toBe(true);
        }
      }
      const [dropping, silent] = [await connect(fields[0], true), await connect(fields[1], true)];
      const pair = [dropping, silent];
      await Promise.all(pair.map((device) => device.status(true)));
      let clock = 900_000_000;
      const beat = () => Promise.all(pair.map((device) => device.publish(device.heartbeat(clock))));
      await beat();
      const onlineOn = async (replica: Venue) =>
        (await devicesOn(replica)).filter((device) => device.online).map((device) => device.id);
      for (const replica of replicas) {
        await eventually(
          async () =>
            expect((await onlineOn(replica)).sort()).toEqual(pair.map((d) => d.id).sort()),
          5000,
        );
      }

      // As the bridge does, each device beats every 2 s; the shared subscription hands each replica
      // only part of them. Neither replica may take a device for silent meanwhile.
      statuses.length = 0;
      for (let round = 0; round < 6; round++) {
        await sleep(HEARTBEAT_MS);
        clock += HEARTBEAT_MS * 1000;
        await beat();
      }
      expect(statuses.filter((status) => !status.online)).toEqual([]);
      const seen = async (replica: Venue) =>
        (await devicesOn(replica))
          .map(({ id, online, boot, battery, rssi }) => ({ id, online, boot, battery, rssi }))
          .sort((x, y) => x.id.localeCompare(y.id));
      expect(await seen(a)).toEqual(await seen(b));
      expect((await seen(a)).every((device) => device.online)).toBe(true);

      // One drops (its Last Will reaches one replica), the other stops sending: offline on both.
      dropping.drop();
      for (const replica of replicas) {
        await eventually(async () => expect(await onlineOn(replica)).toEqual([]), 10000);
      }
      expect(await seen(a)).toEqual(await seen(b));
    }, 60_000);

    it('takes each message once on a replica that ran before without sharing under the same client id', async () => {
      const [a, b] = replicas;
      // The broker keeps the persistent session, with its plain subscriptions, of a replica that
      // ran with MQTT_SHARE_GROUP=off; the same replica started again with sharing must not resume it.
      await b.stop();
      const unshared = await startVenue({
        env: { ...env, MQTT_CLIENT_ID: 'olympiad-replica-b', MQTT_SHARE_GROUP: 'off' },
      });
      replicas[1] = unshared;
      const device = await connect(fields[1]);
      const taken = async (replica: Venue) => {
        const counters = await sensorCounters(replica);
        return counters.accepted + counters.duplicate;
      };
      // Its plain subscription is in place once it has taken a message (which A takes too).
      const earlyOnA = await taken(a);
      let early = 0;
      while ((await taken(unshared)) === 0) {
        if (++early > 100) throw new Error('the replica without sharing takes no messages');
        await device.publish(device.gate('cp1', early));
        await sleep(100);
      }
      await eventually(async () => expect((await taken(a)) - earlyOnA).toBe(early), 10000);
      await unshared.stop();
      const shared = await startVenue({ env: { ...env, MQTT_CLIENT_ID: 'olympiad-replica-b' } });
      replicas[1] = shared;

      const before = await sensorCounters(a);
      let sent = 0;
      // Until the restarted replica has taken a message, then twenty more.
      for (let t = 1_000_000; (await taken(shared)) === 0; t++) {
        if (++sent > 100) throw new Error('the restarted replica takes no messages');
        await device.publish(device.gate('cp1', t));
        await sleep(100);
      }
      for (let n = 0; n < 20; n++, sent++) await device.publish(device.heartbeat(2_000_000 + n));
      const took = await eventually(async () => {
        const [onA, onB] = [await sensorCounters(a), await sensorCounters(shared)];
        const counted = {
          accepted: onA.accepted - before.accepted + onB.accepted,
          duplicate: onA.duplicate - before.duplicate + onB.duplicate,
        };
        expect(counted.accepted + counted.duplicate).toBeGreaterThanOrEqual(sent);
        return counted;
      }, 10000);
      expect(took).toEqual({ accepted: sent, duplicate: 0 });
    }, 120_000);
  },
);
