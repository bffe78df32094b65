import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config/app-config';
import { presentedCertificateNames } from '../testing/presented-certificate';
import { VenueTlsService } from './venue-tls.service';

describe('VenueTlsService', () => {
  const servers: https.Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('swaps a re-issued certificate into the running HTTPS server when the laptop gets a new address', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'venue-tls-service-'));
    const config = loadConfig({ DATA_DIR: dataDir, HTTPS_PORT: '0' });
    let addresses = ['10.0.0.5'];
    const service = await VenueTlsService.prepare(config, () => addresses);
    const server = https.createServer(service.serverOptions()!, (_request, response) =>
      response.end('ok'),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    service.serve(server, { http: 3000, https: port });
    const ca = service.caCertificatePem()!;

    expect(await presentedCertificateNames(port, ca, 'olympiad.local')).not.toContain(
      '192.168.8.100',
    );
    await service.checkRenewal();
    expect(await presentedCertificateNames(port, ca, 'olympiad.local')).not.toContain(
      '192.168.8.100',
    );

    addresses = ['10.0.0.5', '192.168.8.100'];
    await service.checkRenewal();
    expect(await presentedCertificateNames(port, ca, 'olympiad.local')).toContain(
      'IP Address:192.168.8.100',
    );
    expect(service.caCertificatePem()).toBe(ca);
    expect(service.info().addresses).toEqual(addresses);
    service.onApplicationShutdown();
  });

  it('describes HTTPS off without a CA or an HTTPS address', async () => {
    const service = await VenueTlsService.prepare(
      loadConfig({ HTTPS: 'off', VENUE_HOSTNAME: 'Hall-2.local' }),
      () => [],
    );
    expect(service.serverOptions()).toBeNull();
    expect(service.info()).toEqual({
      mode: 'off',
      name: 'hall-2.local',
      httpsPort: null,
      httpsUrl: null,
      httpUrl: 'http://hall-2.local:3000',
      addresses: [],
      caFingerprintSha256: null,
      caDownloadUrl: null,
    });
  });
});
