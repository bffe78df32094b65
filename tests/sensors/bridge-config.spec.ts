import type { BridgeConfig, RegisteredDevice } from '@olympiad/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { armRun, eventually } from '../support/field-fixture';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, organiserToken, type StageFixture } from '../support/venue-api';

const ROOT = path.resolve(__dirname, '..', '..');
const BRIDGE = path.join(ROOT, 'dist', 'firmware-bridge', 'firmware-bridge', 'src', 'cli.js');

/**
 * The bridge configuration a device registration returns (and the console shows once as text and
 * QR code) is exactly what `bridge serial|simulate --config <file>` accepts: the built CLI, given
 * nothing but that file, reaches the venue's broker as that device.
 */
describe('bridge --config with the configuration of a device registration', () => {
  let venue: Venue;
  let organiser: string;
  let judge: string;
  let stage: StageFixture;
  let fieldId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-config-'));
  const children: ChildProcess[] = [];

  const register = async (id: string): Promise<RegisteredDevice> =>
    (await request(venue.url).post('/api/devices').set('Authorization', `Bearer ${organiser}`).send({ id, fieldId, label: 'gates' }).expect(201)).body;
  const saveConfig = (config: BridgeConfig) => {
    const file = path.join(dir, `${config.deviceId}.json`);
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
  };
  // A finish gate's time awaits the judge: the row carries it as `unconfirmed` (docs/results-display.md).
  const standing = async (teamId: string) =>
    (await request(venue.url).get(`/api/categories/${stage.categoryId}/standings`).set('Authorization', `Bearer ${judge}`).expect(200)).body.standings.rows.find(
      (row: { teamId: string }) => row.teamId === teamId,
    );
  function bridge(args: string[]) {
    const child = spawn(process.execPath, [BRIDGE, ...args], { cwd: ROOT });
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { output: () => output, exited };
  }

  beforeAll(async () => {
    if (!fs.existsSync(BRIDGE)) throw new Error(`${BRIDGE} is missing: build the bridge (npx nx run firmware-bridge:build)`);
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 3 });
    fieldId = (await request(venue.url).post('/api/fields').set('Authorization', `Bearer ${organiser}`).send({ stageId: stage.stageId, name: 'Maze table 1', discipline: 'maze' }).expect(201)).body.id;
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
  });
  afterAll(async () => {
    children.forEach((child) => child.kill('SIGKILL'));
    await venue.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registration answers { mqttUrl, deviceId, username, password } for the broker the venue runs (and its TLS port with the venue CA)', async () => {
    const device = await register(`cfg-${randomUUID().slice(0, 8)}`);
    expect(Object.keys(device.bridgeConfig).sort()).toEqual(['caFingerprintSha256', 'deviceId', 'mqttUrl', 'mqttsUrl', 'password', 'username']);
    expect(device.bridgeConfig).toEqual({
      mqttUrl: venue.mqttUrl,
      mqttsUrl: venue.mqttTlsUrl,
      caFingerprintSha256: (await request(venue.url).get('/api/tls').expect(200)).body.caFingerprintSha256,
      deviceId: device.id,
      username: device.id,
      password: device.secret,
    });
  });

  it('bridge simulate --config plays a timed run as the registered device', async () => {
    const device = await register(`sim-${randomUUID().slice(0, 8)}`);
    const config = saveConfig(device.bridgeConfig);
    await armRun(venue, judge, fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[0], attempt: 1 });
    const run = bridge(['simulate', '--config', config, '--runs', '1', '--run-ms', '43210', '--time-scale', '0.01', '--pause-ms', '0']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain(`${device.id}: 43.210 s`);
    await eventually(async () => expect((await standing(stage.teamIds[0]))?.unconfirmed?.primary).toBe(43_210));
  });

  it('bridge serial --config reads a controller on a serial port and publishes as the registered device', async () => {
    const device = await register(`ser-${randomUUID().slice(0, 8)}`);
    const config = saveConfig(device.bridgeConfig);
    children.push(spawn('socat', [`pty,raw,echo=0,link=${dir}/bridge`, `pty,raw,echo=0,link=${dir}/controller`]));
    await eventually(async () => expect(fs.existsSync(`${dir}/bridge`) && fs.existsSync(`${dir}/controller`)).toBe(true));
    const serial = bridge(['serial', '--port', `${dir}/bridge`, '--config', config, '--queue-file', path.join(dir, 'queue.jsonl')]);
    await eventually(async () => expect(serial.output()).toContain('connected'), 10_000);

    await armRun(venue, judge, fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[1], attempt: 1 });
    const controller = fs.createWriteStream(`${dir}/controller`);
    controller.write('BOOT ctrl0042\nG start 1000000\nG finish 39500000\n');
    await eventually(async () => expect((await standing(stage.teamIds[1]))?.unconfirmed?.primary).toBe(38_500), 10_000);
    controller.end();
  });

  it('flags override the file: a wrong broker in the file, the right one as --url', async () => {
    const device = await register(`ovr-${randomUUID().slice(0, 8)}`);
    const config = saveConfig({ ...device.bridgeConfig, mqttUrl: 'mqtt://127.0.0.1:9' });
    await armRun(venue, judge, fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[2], attempt: 1 });
    const run = bridge(['simulate', '--config', config, '--url', venue.mqttUrl!, '--runs', '1', '--run-ms', '45000', '--time-scale', '0.01', '--pause-ms', '0']);
    expect(await run.exited).toBe(0);
    await eventually(async () => expect((await standing(stage.teamIds[2]))?.unconfirmed?.primary).toBe(45_000));
  });

  it('refuses a file that is not a bridge configuration, saying which', async () => {
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ mqttUrl: 'http://x', deviceId: 'x' }));
    const run = bridge(['simulate', '--config', broken, '--runs', '1']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('broken.json');
  });
});
