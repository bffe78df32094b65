import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { loadConfig } from '../config/app-config';
import { presentedCertificateNames } from '../testing/presented-certificate';
import { VenueTlsService } from '../tls/venue-tls.service';
import { listenMqttOverTls } from './mqtt-tls-listener';

describe('MQTT over TLS listener', () => {
  const servers: tls.Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('serves the HTTPS certificate and takes the one the venue CA re-issues when the address changes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqtt-tls-listener-'));
    let addresses = ['10.0.0.5'];
    const venueTls = await VenueTlsService.prepare(
      loadConfig({ DATA_DIR: dataDir, HTTPS_PORT: '0' }),
      () => addresses,
    );
    const server = (await listenMqttOverTls((socket) => socket.end(), venueTls, 0, '127.0.0.1'))!;
    servers.push(server);
    const port = (server.address() as AddressInfo).port;
    const ca = venueTls.caCertificatePem()!;

    expect(await presentedCertificateNames(port, ca, 'olympiad.local')).toContain(
      'DNS:olympiad.local',
    );
    expect(await presentedCertificateNames(port, ca, 'olympiad.local')).not.toContain(
      '192.168.8.100',
    );

    addresses = ['10.0.0.5', '192.168.8.100'];
    await venueTls.checkRenewal();
    expect(await presentedCertificateNames(port, ca, 'olympiad.local')).toContain(
      'IP Address:192.168.8.100',
    );
    venueTls.onApplicationShutdown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is not started when HTTPS is off', async () => {
    const venueTls = await VenueTlsService.prepare(loadConfig({ HTTPS: 'off' }), () => []);
    expect(
      await listenMqttOverTls((socket) => socket.end(), venueTls, 0, '127.0.0.1'),
    ).toBeUndefined();
  });
});
