import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { linkSettings, readBridgeConfig } from './bridge-options';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-config-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
/** What POST /api/devices returns as `bridgeConfig` (and the console's QR code carries). */
const registered = { mqttUrl: 'mqtt://192.168.1.10:1883', deviceId: 'maze-gate-1', username: 'maze-gate-1', password: 'Zq7mK2pX9vR4tY8wB3nC' };

describe('bridge --config', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the configuration the console shows at registration and connects with it', () => {
    const config = readBridgeConfig(write('maze-gate-1.json', JSON.stringify(registered)));
    expect(linkSettings({}, config)).toEqual({ url: 'mqtt://192.168.1.10:1883', deviceId: 'maze-gate-1', username: 'maze-gate-1', secret: registered.password });
  });

  it('lets each flag override the file', () => {
    const config = readBridgeConfig(write('c.json', JSON.stringify(registered)));
    expect(linkSettings({ url: 'mqtt://10.0.0.5:1883' }, config)).toMatchObject({ url: 'mqtt://10.0.0.5:1883', deviceId: 'maze-gate-1' });
    expect(linkSettings({ device: 'maze-gate-2', secret: 'another-secret' }, config)).toEqual({
      url: registered.mqttUrl,
      deviceId: 'maze-gate-2',
      username: 'maze-gate-2',
      secret: 'another-secret',
    });
  });

  it('works without a file when every flag is given, and names what is missing', () => {
    expect(linkSettings({ url: 'mqtt://h:1883', device: 'd-1', secret: 's3cret-123' }, null)).toEqual({ url: 'mqtt://h:1883', deviceId: 'd-1', username: 'd-1', secret: 's3cret-123' });
    expect(() => linkSettings({ device: 'd-1' }, null)).toThrow('Missing --url, --secret');
  });

  it('refuses a file that is not the bridge configuration, saying what is wrong', () => {
    expect(() => readBridgeConfig(write('broken.json', '{"mqttUrl":'))).toThrow(/broken\.json: not a JSON bridge configuration/);
    expect(() => readBridgeConfig(write('wrong.json', JSON.stringify({ ...registered, mqttUrl: 'http://x', extra: 1 })))).toThrow(/wrong\.json: .*mqttUrl/);
    expect(() => readBridgeConfig(path.join(dir, 'missing.json'))).toThrow(/missing\.json/);
  });
});
