// @peculiar/x509 resolves its parts with tsyringe, which needs the metadata polyfill loaded first.
import 'reflect-metadata';
import type { RegisteredDevice, UnassignedSensorEvent, VenueTlsInfo } from '@olympiad/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { addMazeField, eventually } from '../support/field-fixture';
import { makeOwnCertificate } from '../support/own-certificate';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';

const ROOT = path.resolve(__dirname, '..', '..');
const BRIDGE = path.join(ROOT, 'dist', 'firmware-bridge', 'firmware-bridge', 'src', 'cli.js');
/** What a device on the LAN expects the broker's certificate to name (docs/venue-network.md). */
const VENUE_NAME = 'olympiad.local';

/**
 * Field devices over MQTT over TLS (docs/venue-network.md): the embedded broker's TLS port serves
 * the HTTPS certificate the venue CA signed, with the same device sign-in and topic rules as the
 * plain port.
 */
describe('MQTT over TLS to the embedded broker', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let device: { fieldId: string; deviceId: string; secret: string };
  let ca: string;
  const open: { close(): unknown }[] = [];
  const children: ChildProcess[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-tls-'));

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 2 });
    device = await addMazeField(venue, organiser, stage, `tls-gate-${randomUUID().slice(0, 6)}`);
    ca = (await request(venue.url).get('/api/tls/ca.pem').expect(200)).text;
  });
  afterAll(async () => {
    for (const thing of open) await thing.close();
    children.forEach((child) => child.kill('SIGKILL'));
    await venue.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const unassigned = async (fieldId = device.fieldId): Promise<UnassignedSensorEvent[]> =>
    (
      await request(venue.url)
        .get(`/api/fields/${fieldId}/unassigned`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body;
  const connect = async (id: string, secret: string, tls: { ca?: string; servername?: string }) => {
    const connected = await RawDevice.connect(venue.mqttTlsUrl!, id, secret, { tls });
    open.push(connected);
    return connected;
  };

  it('a registered device connects over mqtts:// verifying the venue CA, and its gate event is stored', async () => {
    expect(venue.output()).toMatch(/MQTT over TLS on port \d+/);
    expect(venue.mqttTlsUrl).toMatch(/^mqtts:\/\/127\.0\.0\.1:\d+$/);
    expect(venue.mqttTlsUrl).not.toBe(venue.mqttUrl?.replace('mqtt:', 'mqtts:'));

    const gates = await connect(device.deviceId, device.secret, { ca, servername: VENUE_NAME });
    const socket = gates.client.stream as TLSSocket;
    expect(socket.encrypted).toBe(true);
    expect(socket.authorized).toBe(true);
    expect(socket.getPeerCertificate().subjectaltname).toContain(`DNS:${VENUE_NAME}`);

    await gates.publish(gates.gate('start', 1_250_000));
    await eventually(async () =>
      expect(await unassigned()).toContainEqual(
        expect.objectContaining({
          deviceId: device.deviceId,
          boot: gates.boot,
          gate: 'start',
          deviceTimeUs: 1_250_000,
        }),
      ),
    );
  });

  it('refuses a client that does not trust the venue CA, or expects another name: a TLS error, nothing stored', async () => {
    const before = (await unassigned()).length;
    await expect(
      RawDevice.connect(venue.mqttTlsUrl!, device.deviceId, device.secret, {
        tls: { servername: VENUE_NAME },
      }),
    ).rejects.toThrow(
      /self[- ]signed certificate in certificate chain|unable to (get local issuer|verify)/i,
    );
    await expect(
      RawDevice.connect(venue.mqttTlsUrl!, device.deviceId, device.secret, {
        tls: { ca, servername: 'judging.example.kz' },
      }),
    ).rejects.toThrow(/does not match certificate's altnames|Hostname\/IP does not match/i);
    await request(venue.url).get('/api/health').expect(200);
    expect(await unassigned()).toHaveLength(before);
  });

  it('refuses a wrong device secret over TLS, as over plain MQTT, and one connecting under another id', async () => {
    const other = await addMazeField(
      venue,
      organiser,
      stage,
      `tls-other-${randomUUID().slice(0, 6)}`,
    );
    await expect(
      RawDevice.connect(venue.mqttTlsUrl!, device.deviceId, 'wrong-secret', {
        tls: { ca, servername: VENUE_NAME },
      }),
    ).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
    await expect(
      RawDevice.connect(venue.mqttUrl!, device.deviceId, 'wrong-secret'),
    ).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
    await expect(
      RawDevice.connect(venue.mqttTlsUrl!, other.deviceId, device.secret, {
        tls: { ca, servername: VENUE_NAME },
      }),
    ).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
  });

  it("keeps the topic rules over TLS: publishing under another device's topic closes the connection, nothing stored", async () => {
    const other = await addMazeField(
      venue,
      organiser,
      stage,
      `tls-acl-${randomUUID().slice(0, 6)}`,
    );
    const gates = await connect(device.deviceId, device.secret, { ca, servername: VENUE_NAME });
    const closed = new Promise<void>((resolve) => gates.client.once('close', () => resolve()));
    void gates
      .publish(gates.gate('start', 2_000_000), `olympiad/v1/dev/${other.deviceId}/event`)
      .catch(() => undefined);
    await closed;
    gates.client.end(true);
    await request(venue.url).get('/api/health').expect(200);
    expect(await unassigned(other.fieldId)).toHaveLength(0);
  });

  it('the bridge configuration of a registration names the broker over TLS and the venue CA by its fingerprint', async () => {
    const tlsInfo: VenueTlsInfo = (await request(venue.url).get('/api/tls').expect(200)).body;
    const registered: RegisteredDevice = (
      await request(venue.url)
        .post('/api/devices')
        .set('Authorization', `Bearer ${organiser}`)
        .send({
          id: `tls-cfg-${randomUUID().slice(0, 6)}`,
          fieldId: device.fieldId,
          label: 'gates',
        })
        .expect(201)
    ).body;
    expect(registered.bridgeConfig).toEqual({
      mqttUrl: venue.mqttUrl,
      mqttsUrl: venue.mqttTlsUrl,
      caFingerprintSha256: tlsInfo.caFingerprintSha256,
      deviceId: registered.id,
      username: registered.id,
      password: registered.secret,
    });
  });

  function bridge(args: string[]) {
    const child = spawn(process.execPath, [BRIDGE, ...args], { cwd: ROOT });
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { child, output: () => output, exited };
  }

  it('bridge simulate --config --ca sends over mqtts:// verifying the venue CA (DER, as tablets download it); without --ca it is refused', async () => {
    if (!fs.existsSync(BRIDGE))
      throw new Error(`${BRIDGE} is missing: build the bridge (npx nx run firmware-bridge:build)`);
    const registered: RegisteredDevice = (
      await request(venue.url)
        .post('/api/devices')
        .set('Authorization', `Bearer ${organiser}`)
        .send({
          id: `tls-sim-${randomUUID().slice(0, 6)}`,
          fieldId: device.fieldId,
          label: 'gates',
        })
        .expect(201)
    ).body;
    const config = path.join(dir, `${registered.id}.json`);
    fs.writeFileSync(config, JSON.stringify(registered.bridgeConfig));
    const caFile = path.join(dir, 'olympiad-venue-ca.crt');
    fs.writeFileSync(
      caFile,
      (await request(venue.url).get('/api/tls/ca.crt').buffer(true).parse(binaryBody).expect(200))
        .body,
    );

    const untrusting = bridge([
      'simulate',
      '--config',
      config,
      '--tls',
      '--runs',
      '1',
      '--run-ms',
      '40000',
      '--time-scale',
      '0.01',
      '--pause-ms',
      '0',
    ]);
    // Refused, and tried again: the events wait in the bridge's queue meanwhile.
    await eventually(
      async () =>
        expect(
          untrusting
            .output()
            .match(
              /self[- ]signed certificate in certificate chain|unable to (get local issuer|verify)/gi,
            )?.length,
        ).toBeGreaterThanOrEqual(2),
      10_000,
    );
    untrusting.child.kill('SIGKILL');
    expect((await unassigned()).filter((event) => event.deviceId === registered.id)).toHaveLength(
      0,
    );

    const run = bridge([
      'simulate',
      '--config',
      config,
      '--ca',
      caFile,
      '--runs',
      '1',
      '--run-ms',
      '41234',
      '--time-scale',
      '0.01',
      '--pause-ms',
      '0',
    ]);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain(`connected to ${venue.mqttTlsUrl}`);
    expect(run.output()).toContain(`${registered.id}: 41.234 s`);
    await eventually(async () => {
      const gates = (await unassigned()).filter((event) => event.deviceId === registered.id);
      expect(gates.map((event) => event.gate).sort()).toEqual(['finish', 'start']);
    });
  });
});

describe('MQTT over TLS turned off', () => {
  let venue: Venue;
  afterAll(() => venue?.stop());

  it('MQTT_TLS=off: no TLS port, and the bridge configuration names plain MQTT only', async () => {
    venue = await startVenue({ env: { MQTT_TLS: 'off' } });
    expect(venue.httpsPort).toBeDefined();
    expect(venue.mqttTlsUrl).toBeUndefined();
    expect(venue.output()).not.toContain('MQTT over TLS');
    const organiser = await organiserToken(venue);
    const registered: RegisteredDevice = (
      await request(venue.url)
        .post('/api/devices')
        .set('Authorization', `Bearer ${organiser}`)
        .send({ id: `plain-${randomUUID().slice(0, 6)}`, label: 'gates' })
        .expect(201)
    ).body;
    expect(Object.keys(registered.bridgeConfig).sort()).toEqual([
      'deviceId',
      'mqttUrl',
      'password',
      'username',
    ]);
  });
});

describe('MQTT over TLS with a certificate the venue brought', () => {
  let venue: Venue;
  let ownCa: string;
  let ownDir: string | undefined;

  beforeAll(async () => {
    const own = await makeOwnCertificate();
    ownDir = own.dir;
    ownCa = own.caPem;
    venue = await startVenue({ env: own.env });
  });
  afterAll(async () => {
    await venue?.stop();
    if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
  });

  it('serves that certificate on the MQTT TLS port too; the bridge configuration names no venue CA', async () => {
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: 1 });
    const field = await addMazeField(
      venue,
      organiser,
      stage,
      `own-gate-${randomUUID().slice(0, 6)}`,
    );
    const gates = await RawDevice.connect(venue.mqttTlsUrl!, field.deviceId, field.secret, {
      tls: { ca: ownCa, servername: 'venue.olympiad.example' },
    });
    try {
      expect((gates.client.stream as TLSSocket).getPeerCertificate().subject.CN).toBe(
        'venue.olympiad.example',
      );
      await gates.publish(gates.gate('finish', 3_000_000));
      await eventually(async () =>
        expect(
          (
            await request(venue.url)
              .get(`/api/fields/${field.fieldId}/unassigned`)
              .set('Authorization', `Bearer ${organiser}`)
              .expect(200)
          ).body,
        ).toContainEqual(expect.objectContaining({ boot: gates.boot, gate: 'finish' })),
      );
    } finally {
      await gates.close();
    }
    const registered: RegisteredDevice = (
      await request(venue.url)
        .post('/api/devices')
        .set('Authorization', `Bearer ${organiser}`)
        .send({ id: `own-cfg-${randomUUID().slice(0, 6)}`, label: 'gates' })
        .expect(201)
    ).body;
    expect(registered.bridgeConfig.mqttsUrl).toBe(venue.mqttTlsUrl);
    expect(registered.bridgeConfig).not.toHaveProperty('caFingerprintSha256');
  });
});
