// @peculiar/x509 resolves its parts with tsyringe, which needs the metadata polyfill loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { X509Certificate, webcrypto } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { brokerChoice, linkSettings, readBridgeConfig } from './bridge-options';

x509.cryptoProvider.set(webcrypto as ReturnType<typeof x509.cryptoProvider.get>);
const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A self-signed certificate, a CA's (as the venue makes) or not. */
async function selfSigned(name: string, ca: boolean): Promise<string> {
  const keys = await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}`,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 86_400_000),
    signingAlgorithm: EC_P256,
    keys,
    extensions: [new x509.BasicConstraintsExtension(ca, undefined, true)],
  });
  return cert.toString('pem');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-config-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
/** What POST /api/devices returns as `bridgeConfig` (and the console's QR code carries). */
const registered = {
  mqttUrl: 'mqtt://192.168.1.10:1883',
  deviceId: 'maze-gate-1',
  username: 'maze-gate-1',
  password: 'Zq7mK2pX9vR4tY8wB3nC',
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bridge --config', () => {

  it('reads the configuration the console shows at registration and connects with it', () => {
    const config = readBridgeConfig(write('maze-gate-1.json', JSON.stringify(registered)));
    expect(linkSettings({}, config)).toEqual({
      url: 'mqtt://192.168.1.10:1883',
      deviceId: 'maze-gate-1',
      username: 'maze-gate-1',
      secret: registered.password,
    });
  });

  it('lets each flag override the file', () => {
    const config = readBridgeConfig(write('c.json', JSON.stringify(registered)));
    expect(linkSettings({ url: 'mqtt://10.0.0.5:1883' }, config)).toMatchObject({
      url: 'mqtt://10.0.0.5:1883',
      deviceId: 'maze-gate-1',
    });
    expect(linkSettings({ device: 'maze-gate-2', secret: 'another-secret' }, config)).toEqual({
      url: registered.mqttUrl,
      deviceId: 'maze-gate-2',
      username: 'maze-gate-2',
      secret: 'another-secret',
    });
  });

  it('works without a file when every flag is given, and names what is missing', () => {
    expect(
      linkSettings({ url: 'mqtt://h:1883', device: 'd-1', secret: 's3cret-123' }, null),
    ).toEqual({ url: 'mqtt://h:1883', deviceId: 'd-1', username: 'd-1', secret: 's3cret-123' });
    expect(() => linkSettings({ device: 'd-1' }, null)).toThrow('Missing --url, --secret');
  });

  it('refuses a file that is not the bridge configuration, saying what is wrong', () => {
    expect(() => readBridgeConfig(write('broken.json', '{"mqttUrl":'))).toThrow(
      /broken\.json: not a JSON bridge configuration/,
    );
    expect(() =>
      readBridgeConfig(
        write('wrong.json', JSON.stringify({ ...registered, mqttUrl: 'http://x', extra: 1 })),
      ),
    ).toThrow(/wrong\.json: .*mqttUrl/);
    expect(() => readBridgeConfig(path.join(dir, 'missing.json'))).toThrow(/missing\.json/);
  });
});

describe('bridge --ca: MQTT over TLS to the venue broker', () => {
  let venueCa: string;
  let otherCa: string;
  let serverCert: string;
  let tlsConfig: ReturnType<typeof readBridgeConfig>;

  beforeAll(async () => {
    venueCa = await selfSigned('Olympiad venue CA', true);
    otherCa = await selfSigned('Some other CA', true);
    serverCert = await selfSigned('olympiad.local', false);
    tlsConfig = readBridgeConfig(
      write(
        'tls.json',
        JSON.stringify({
          ...registered,
          mqttsUrl: 'mqtts://192.168.1.10:8883',
          caFingerprintSha256: new X509Certificate(venueCa).fingerprint256,
        }),
      ),
    );
  });

  it('keeps plain MQTT by default, and with --ca takes the mqttsUrl of the configuration and the CA as PEM', () => {
    expect(linkSettings({}, tlsConfig)).toEqual({
      url: 'mqtt://192.168.1.10:1883',
      deviceId: 'maze-gate-1',
      username: 'maze-gate-1',
      secret: registered.password,
    });
    const settings = linkSettings({ ca: write('ca.pem', venueCa) }, tlsConfig);
    expect(settings.url).toBe('mqtts://192.168.1.10:8883');
    expect(new X509Certificate(settings.ca!).fingerprint256).toBe(tlsConfig.caFingerprintSha256);
  });

  it('reads the CA as the tablets download it (DER, /api/tls/ca.crt) too', () => {
    const der = write('ca.crt', '');
    fs.writeFileSync(der, new X509Certificate(venueCa).raw);
    expect(brokerChoice({ ca: der }, tlsConfig).ca).toBe(
      venueCa.replace(/\r\n/g, '\n').trim() + '\n',
    );
  });

  it('takes --url mqtts://… with --ca and no configuration', () => {
    expect(
      brokerChoice({ url: 'mqtts://olympiad.local:8883', ca: write('ca2.pem', venueCa) }, null),
    ).toMatchObject({ url: 'mqtts://olympiad.local:8883' });
    expect(brokerChoice({ tls: true }, tlsConfig)).toEqual({
      url: 'mqtts://192.168.1.10:8883',
      ca: undefined,
    });
  });

  it('refuses a CA other than the venue CA the configuration names, and a server certificate given as the CA', () => {
    expect(() => linkSettings({ ca: write('other.pem', otherCa) }, tlsConfig)).toThrow(
      /other\.pem: not the venue CA of this configuration/,
    );
    expect(() => linkSettings({ ca: write('server.pem', serverCert) }, tlsConfig)).toThrow(
      /server\.pem: not a CA certificate/,
    );
    expect(() => linkSettings({ ca: write('junk.pem', 'hello') }, tlsConfig)).toThrow(
      /junk\.pem: not a CA certificate in PEM or DER/,
    );
  });

  it('refuses --ca with a plain mqtt:// broker, and --ca when the venue broker has no TLS port', () => {
    expect(() =>
      linkSettings({ ca: write('ca3.pem', venueCa), url: 'mqtt://192.168.1.10:1883' }, tlsConfig),
    ).toThrow(/mqtts:\/\/ URL, not mqtt:\/\/192\.168\.1\.10:1883/);
    expect(() =>
      linkSettings(
        { ca: write('ca4.pem', venueCa) },
        readBridgeConfig(write('plain.json', JSON.stringify(registered))),
      ),
    ).toThrow(/has no mqttsUrl/);
  });
});
