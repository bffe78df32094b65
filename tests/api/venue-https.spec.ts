import 'reflect-metadata';
import type { VenueTlsInfo } from '@olympiad/contracts';
import * as x509 from '@peculiar/x509';
import { X509Certificate, createHash, createPrivateKey, webcrypto } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import mqtt from 'mqtt';
import { addMazeField } from '../support/field-fixture';
import { makeOwnCertificate } from '../support/own-certificate';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken } from '../support/venue-api';

x509.cryptoProvider.set(webcrypto as ReturnType<typeof x509.cryptoProvider.get>);

const NAME = 'olympiad.local';

/** Resolves every name to loopback, as the LAN's mDNS would resolve olympiad.local to the laptop. */
const toLoopback: LookupFunction = (_hostname, options, callback) => {
  if ((options as { all?: boolean }).all)
    return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(
      null,
      [{ address: '127.0.0.1', family: 4 }],
    );
  callback(null, '127.0.0.1', 4);
};

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function httpsGet(
  port: number,
  urlPath: string,
  ca: string | Buffer,
  servername = NAME,
): Promise<Answer & { peer: X509Certificate }> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      { host: servername, port, path: urlPath, ca, servername, lookup: toLoopback, agent: false },
      (response) => {
        const peer = new X509Certificate(
          (response.socket as import('node:tls').TLSSocket).getPeerCertificate().raw,
        );
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            peer,
          }),
        );
      },
    );
    request.on('error', reject);
  });
}

function httpGet(
  port: number,
  urlPath: string,
  headers: http.OutgoingHttpHeaders = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: urlPath, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
  });
}

describe('the venue over HTTPS on the LAN (docs/venue-network.md)', () => {
  let venue: Venue;
  let caPem: string;

  beforeAll(async () => {
    venue = await startVenue();
    caPem = fs.readFileSync(path.join(venue.dataDir, 'tls', 'ca.crt'), 'utf8');
  });
  afterAll(async () => {
    await venue?.stop();
  });

  it('prints the HTTPS port and serves the API there with a certificate the venue CA vouches for, on its .local name', async () => {
    expect(venue.httpsPort).toEqual(expect.any(Number));
    expect(venue.httpsPort).not.toBe(venue.port);
    const answer = await httpsGet(venue.httpsPort!, '/api/health', caPem);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString()).database.ready).toBe(true);
    expect(answer.peer.checkHost(NAME)).toBe(NAME);
  });

  it('refuses the HTTPS connection to a client that does not trust the venue CA', async () => {
    const stranger = (await import('node:tls')).rootCertificates.join('\n');
    await expect(httpsGet(venue.httpsPort!, '/api/health', stranger)).rejects.toThrow(
      /self.signed|unable to (get|verify)/i,
    );
  });

  it('describes itself at GET /api/tls', async () => {
    const answer = await httpGet(venue.port, '/api/tls');
    const info = JSON.parse(answer.body.toString()) as VenueTlsInfo;
    expect(info).toEqual({
      mode: 'venue-ca',
      name: NAME,
      httpsPort: venue.httpsPort,
      httpsUrl: `https://${NAME}:${venue.httpsPort}`,
      httpUrl: `http://${NAME}:${venue.port}`,
      addresses: expect.any(Array),
      caFingerprintSha256: new X509Certificate(caPem).fingerprint256,
      caDownloadUrl: `http://${NAME}:${venue.port}/api/tls/ca.crt`,
    });
  });

  it('hands out the CA certificate as DER that parses as a CA and matches the announced fingerprint', async () => {
    const info = JSON.parse(
      (await httpGet(venue.port, '/api/tls')).body.toString(),
    ) as VenueTlsInfo;
    const answer = await httpGet(venue.port, '/api/tls/ca.crt');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(answer.headers['content-disposition']).toBe(
      'attachment; filename="olympiad-venue-ca.crt"',
    );
    const ca = new X509Certificate(answer.body);
    expect(ca.ca).toBe(true);
    const sha256 = createHash('sha256')
      .update(answer.body)
      .digest('hex')
      .toUpperCase()
      .match(/../g)!
      .join(':');
    expect(sha256).toBe(info.caFingerprintSha256);

    const pem = await httpGet(venue.port, '/api/tls/ca.pem');
    expect(new X509Certificate(pem.body).fingerprint256).toBe(info.caFingerprintSha256);
  });

  it('never sends a private key from any TLS route', async () => {
    for (const route of [
      '/api/tls',
      '/api/tls/ca.crt',
      '/api/tls/ca.pem',
      '/api/tls/ca-key.pem',
      '/api/tls/server-key.pem',
    ]) {
      const text = (await httpGet(venue.port, route)).body.toString('latin1');
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain(
        fs.readFileSync(path.join(venue.dataDir, 'tls', 'ca-key.pem'), 'utf8').split('\n')[1],
      );
    }
  });

  it('sends a browser asking for an app page on the venue name to HTTPS, but not one on loopback or an API call', async () => {
    const page = await httpGet(venue.port, '/judge/?x=1', {
      Host: `${NAME}:${venue.port}`,
      Accept: 'text/html,application/xhtml+xml',
    });
    expect(page.status).toBe(308);
    expect(page.headers.location).toBe(`https://${NAME}:${venue.httpsPort}/judge/?x=1`);

    const local = await httpGet(venue.port, '/judge/', {
      Host: `127.0.0.1:${venue.port}`,
      Accept: 'text/html',
    });
    expect(local.status).not.toBe(308);
    const api = await httpGet(venue.port, '/api/tls', {
      Host: `${NAME}:${venue.port}`,
      Accept: 'text/html',
    });
    expect(api.status).toBe(200);
  });

  it('lets a Socket.IO client connect over HTTPS with the venue CA', async () => {
    const client: Socket = io(`https://${NAME}:${venue.httpsPort}`, {
      transports: ['websocket'],
      reconnection: false,
      // engine.io hands the agent to the WebSocket in Node (its types only know the browser's
      // string | boolean): it resolves the name and trusts the venue CA.
      agent: new https.Agent({ ca: caPem, lookup: toLoopback }) as unknown as string,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('connect_error', reject);
      });
      expect(client.connected).toBe(true);
    } finally {
      client.close();
    }
  });

  it('lets a field device speak MQTT over WebSocket at /mqtt on the HTTPS port', async () => {
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: 1 });
    const device = await addMazeField(venue, organiser, stage, 'https-ws-gate');
    const client = await mqtt.connectAsync(`wss://${NAME}:${venue.httpsPort}/mqtt`, {
      clientId: device.deviceId,
      username: device.deviceId,
      password: device.secret,
      reconnectPeriod: 0,
      connectTimeout: 10_000,
      wsOptions: { ca: caPem, lookup: toLoopback },
    });
    try {
      expect(client.connected).toBe(true);
    } finally {
      await client.endAsync();
    }
  });

  it('keeps the CA and certificate across a restart on the same data folder', async () => {
    const served = fs.readFileSync(path.join(venue.dataDir, 'tls', 'server.crt'), 'utf8');
    const again = await startVenue({ dataDir: venue.dataDir });
    try {
      const answer = await httpsGet(again.httpsPort!, '/api/health', caPem);
      expect(answer.status).toBe(200);
      expect(answer.peer.fingerprint256).toBe(new X509Certificate(served).fingerprint256);
      expect(again.output()).not.toContain('Created the venue certificate authority');
    } finally {
      await again.stop();
    }
  });

  it('re-issues, from the same CA, a server certificate that no longer names the machine’s addresses', async () => {
    // The certificate of a laptop that was on another network: signed by this venue's CA, but for
    // the name only. On start the server must notice the addresses it lacks.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'venue-moved-'));
    const tlsDir = path.join(dataDir, 'tls');
    fs.mkdirSync(tlsDir);
    for (const file of ['ca.crt', 'ca-key.pem'])
      fs.copyFileSync(path.join(venue.dataDir, 'tls', file), path.join(tlsDir, file));
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const caKeyDer = createPrivateKey(fs.readFileSync(path.join(tlsDir, 'ca-key.pem'))).export({
      type: 'pkcs8',
      format: 'der',
    });
    const caKey = await webcrypto.subtle.importKey('pkcs8', caKeyDer, alg, false, ['sign']);
    const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
    const old = await x509.X509CertificateGenerator.create({
      subject: `CN=${NAME}`,
      issuer: new x509.X509Certificate(caPem).subject,
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: alg,
      extensions: [
        new x509.SubjectAlternativeNameExtension([
          { type: 'dns', value: NAME },
          { type: 'dns', value: 'localhost' },
        ]),
      ],
    });
    fs.writeFileSync(path.join(tlsDir, 'server.crt'), old.toString('pem'));
    fs.writeFileSync(
      path.join(tlsDir, 'server-key.pem'),
      x509.PemConverter.encode(
        await webcrypto.subtle.exportKey('pkcs8', keys.privateKey),
        'PRIVATE KEY',
      ),
      { mode: 0o600 },
    );

    const moved = await startVenue({ dataDir });
    try {
      expect(moved.output()).toMatch(
        /Issued the server certificate for .*\(it does not name .*127\.0\.0\.1/,
      );
      const answer = await httpsGet(moved.httpsPort!, '/api/health', caPem);
      expect(answer.peer.fingerprint256).not.toBe(
        new X509Certificate(old.toString('pem')).fingerprint256,
      );
      expect(answer.peer.subjectAltName).toContain('IP Address:127.0.0.1');
      expect(answer.peer.checkIssued(new X509Certificate(caPem))).toBe(true);
      expect(fs.readFileSync(path.join(venue.dataDir, 'tls', 'ca.crt'), 'utf8')).toBe(
        fs.readFileSync(path.join(tlsDir, 'ca.crt'), 'utf8'),
      );
    } finally {
      await moved.stop();
    }
  });
});

describe('a venue that brought its own certificate', () => {
  let venue: Venue;
  let ownCa: string;

  beforeAll(async () => {
    const own = await makeOwnCertificate();
    ownCa = own.caPem;
    venue = await startVenue({ env: own.env });
  });
  afterAll(async () => {
    await venue?.stop();
  });

  it('serves that certificate instead of a venue CA, and has no CA to download', async () => {
    const answer = await httpsGet(venue.httpsPort!, '/api/health', ownCa, 'venue.olympiad.example');
    expect(answer.status).toBe(200);
    expect(answer.peer.subject).toContain('venue.olympiad.example');
    expect(fs.existsSync(path.join(venue.dataDir, 'tls', 'ca-key.pem'))).toBe(false);

    const info = JSON.parse(
      (await httpGet(venue.port, '/api/tls')).body.toString(),
    ) as VenueTlsInfo;
    expect(info).toMatchObject({
      mode: 'own-certificate',
      caFingerprintSha256: null,
      caDownloadUrl: null,
    });
    const download = await httpGet(venue.port, '/api/tls/ca.crt');
    expect(download.status).toBe(404);
    expect(JSON.parse(download.body.toString()).key).toBe('tls.noVenueCa');
  });
});
