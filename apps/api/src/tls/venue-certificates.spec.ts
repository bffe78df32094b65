import { X509Certificate, createPrivateKey } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../config/app-config';
import {
  TLS_FILES,
  certificateNames,
  createVenueCa,
  ensureVenueCertificates,
  issueServerCertificate,
  lanAddresses,
  loadOwnCertificate,
  renewalReason,
  serverNames,
} from './venue-certificates';

const DAY_MS = 24 * 60 * 60 * 1000;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'venue-tls-'));
}

describe('venue certificates', () => {
  it('names the venue, localhost, every LAN address and loopback, signed by the venue CA for server use only', async () => {
    const { ca, server } = await ensureVenueCertificates(tempDir(), 'olympiad', [
      '192.168.1.23',
      'fd00:0:0:0:0:0:0:7',
    ]);
    const names = certificateNames(server.certPem);
    expect(names.dns.sort()).toEqual(['localhost', 'olympiad.local']);
    expect(names.ips.sort()).toEqual(['127.0.0.1', '192.168.1.23', '::1', 'fd00::7']);

    const caCert = new X509Certificate(ca.certPem);
    const cert = new X509Certificate(server.certPem);
    expect(caCert.ca).toBe(true);
    expect(caCert.subject).toContain('Olympiad venue CA olympiad');
    expect(cert.ca).toBe(false);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const days = (new Date(cert.validTo).getTime() - new Date(cert.validFrom).getTime()) / DAY_MS;
    expect(days).toBeLessThanOrEqual(397);
    const caYears =
      (new Date(caCert.validTo).getTime() - new Date(caCert.validFrom).getTime()) / (365 * DAY_MS);
    expect(caYears).toBeGreaterThan(9.9);
  });

  it('keeps its private keys readable by the server user only', async () => {
    const dir = tempDir();
    await ensureVenueCertificates(dir, 'olympiad', ['10.0.0.5']);
    for (const file of [TLS_FILES.caKey, TLS_FILES.serverKey]) {
      expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
      expect(() => createPrivateKey(fs.readFileSync(path.join(dir, file)))).not.toThrow();
    }
  });

  it('reuses the CA and the server certificate across restarts while the addresses stay', async () => {
    const dir = tempDir();
    const first = await ensureVenueCertificates(dir, 'olympiad', ['10.0.0.5']);
    const second = await ensureVenueCertificates(dir, 'olympiad', ['10.0.0.5']);
    expect(second.ca.certPem).toBe(first.ca.certPem);
    expect(second.server.certPem).toBe(first.server.certPem);
    expect(second.events).toEqual([]);
  });

  it('re-issues the server certificate from the same CA when an address is added', async () => {
    const dir = tempDir();
    const first = await ensureVenueCertificates(dir, 'olympiad', ['10.0.0.5']);
    const moved = await ensureVenueCertificates(dir, 'olympiad', ['10.0.0.5', '192.168.8.100']);
    expect(moved.ca.certPem).toBe(first.ca.certPem);
    expect(moved.server.certPem).not.toBe(first.server.certPem);
    expect(certificateNames(moved.server.certPem).ips).toContain('192.168.8.100');
    expect(moved.events.join('\n')).toContain('does not name 192.168.8.100');
    expect(fs.readFileSync(path.join(dir, TLS_FILES.serverCert), 'utf8')).toBe(
      moved.server.certPem,
    );
  });

  it('re-issues the server certificate when fewer than 30 days remain', async () => {
    const ca = await createVenueCa('olympiad');
    const wanted = serverNames('olympiad', ['10.0.0.5']);
    const server = await issueServerCertificate(ca, wanted);
    expect(renewalReason(server, ca, wanted, new Date(Date.now() + 300 * DAY_MS))).toBeNull();
    expect(renewalReason(server, ca, wanted, new Date(Date.now() + 380 * DAY_MS))).toMatch(
      /expires in \d+ days/,
    );
  });

  it('re-issues a server certificate signed by another CA', async () => {
    const wanted = serverNames('olympiad', []);
    const other = await issueServerCertificate(await createVenueCa('other'), wanted);
    expect(renewalReason(other, await createVenueCa('olympiad'), wanted)).toBe(
      'it was not signed by the venue CA',
    );
  });

  it('lists non-internal IPv4 and IPv6 addresses only, the router-given IPv4 first', () => {
    const info = (
      address: string,
      family: 'IPv4' | 'IPv6',
      internal: boolean,
    ): os.NetworkInterfaceInfo =>
      ({
        address,
        family,
        internal,
        netmask: '',
        mac: '',
        cidr: null,
        scopeid: 0,
      }) as os.NetworkInterfaceInfo;
    expect(
      lanAddresses({
        lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
        docker0: [info('172.17.0.1', 'IPv4', false)],
        wlan0: [
          info('FE80:0:0:0:0:0:0:1', 'IPv6', false),
          info('fd00::7', 'IPv6', false),
          info('192.168.1.23', 'IPv4', false),
        ],
      }),
    ).toEqual(['192.168.1.23', '172.17.0.1', 'fd00::7', 'fe80::1']);
  });

  describe('a certificate the venue brought', () => {
    async function writeOwn(dir: string) {
      const ca = await createVenueCa('public');
      const one = await issueServerCertificate(ca, serverNames('venue', []));
      const two = await issueServerCertificate(ca, serverNames('venue', []));
      fs.writeFileSync(path.join(dir, 'one.crt'), one.certPem);
      fs.writeFileSync(path.join(dir, 'one.key'), one.keyPem);
      fs.writeFileSync(path.join(dir, 'two.key'), two.keyPem);
    }

    it('is loaded when certificate and key match', async () => {
      const dir = tempDir();
      await writeOwn(dir);
      expect(
        loadOwnCertificate(path.join(dir, 'one.crt'), path.join(dir, 'one.key')).certPem,
      ).toContain('BEGIN CERTIFICATE');
    });

    it('is refused with a clear message when the key belongs to another certificate', async () => {
      const dir = tempDir();
      await writeOwn(dir);
      const load = () => loadOwnCertificate(path.join(dir, 'one.crt'), path.join(dir, 'two.key'));
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/is not the private key of the certificate in TLS_CERT_FILE/);
    });

    it('is refused with a clear message when a file cannot be read', () => {
      const dir = tempDir();
      expect(() =>
        loadOwnCertificate(path.join(dir, 'missing.crt'), path.join(dir, 'missing.key')),
      ).toThrow(/TLS_CERT_FILE .*missing\.crt cannot be read/);
    });
  });
});
