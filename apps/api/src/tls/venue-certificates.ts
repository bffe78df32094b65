import { KeyObject, X509Certificate, createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../config/app-config';

/*
 * The venue's own small certificate authority and the server certificate it signs
 * (docs/venue-network.md). Pure certificate work on PEM text plus the files in DATA_DIR/tls/;
 * no Nest, no servers.
 */

type X509Library = typeof import('@peculiar/x509');
let x509Library: Promise<X509Library> | undefined;

/**
 * @peculiar/x509 only writes certificates (reading is node's own X509Certificate). It costs about
 * 15 MB of memory, so it loads on first use, which on most starts is never (docs/performance.md).
 */
function loadX509(): Promise<X509Library> {
  x509Library ??= (async () => {
    // It resolves its parts with tsyringe, which needs the metadata polyfill loaded first.
    await import('reflect-metadata');
    const library = await import('@peculiar/x509');
    library.cryptoProvider.set(webcrypto as ReturnType<typeof library.cryptoProvider.get>);
    return library;
  })();
  return x509Library;
}

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Browsers refuse server certificates valid for longer than 398 days. */
export const SERVER_CERT_DAYS = 397;
export const CA_YEARS = 10;
/** A server certificate with fewer days left than this is re-issued. */
export const RENEW_DAYS_BEFORE_EXPIRY = 30;
/** Tablets whose clock runs behind still accept a certificate issued just now. */
const BACKDATE_MS = DAY_MS;

export const TLS_FILES = {
  caKey: 'ca-key.pem',
  caCert: 'ca.crt',
  serverKey: 'server-key.pem',
  serverCert: 'server.crt',
} as const;

export interface PemPair {
  certPem: string;
  keyPem: string;
}

export interface SubjectNames {
  dns: string[];
  ips: string[];
}

/** One spelling per address (IPv6 compressed, lower case), so sets compare. */
export function canonicalIp(ip: string): string {
  const bare = ip.replace(/%.*$/, '');
  return bare.includes(':') ? new URL(`http://[${bare}]/`).hostname.slice(1, -1) : bare;
}

/**
 * Where a tablet most likely finds the laptop: home-router ranges first, container and VM bridges
 * (172.16/12) after, IPv6 last and link-local IPv6 (unusable in a browser) at the very end.
 */
function addressRank(ip: string): number {
  if (ip.includes(':')) return /^fe[89ab]/i.test(ip) ? 5 : 4;
  if (ip.startsWith('192.168.')) return 0;
  if (ip.startsWith('10.')) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(ip)) return 3;
  return 2;
}

/** The machine's LAN addresses: every non-internal IPv4/IPv6 address, the likeliest first. */
export function lanAddresses(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): string[] {
  const found = new Set<string>();
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (!info.internal) found.add(canonicalIp(info.address));
    }
  }
  return [...found].sort(
    (a, b) => addressRank(a) - addressRank(b) || a.localeCompare(b, 'en', { numeric: true }),
  );
}

/** What the server certificate must name: `<name>.local`, localhost, the LAN addresses and loopback. */
export function serverNames(hostname: string, addresses: string[]): SubjectNames {
  return {
    dns: [`${hostname}.local`, 'localhost'],
    ips: [...new Set([...addresses.map(canonicalIp), '127.0.0.1', '::1'])],
  };
}

/** Node prints the names as `DNS:a.local, IP Address:127.0.0.1`; names never hold ", " here. */
export function certificateNames(certPem: string): SubjectNames {
  const names = (new X509Certificate(certPem).subjectAltName ?? '').split(', ');
  const valuesOf = (prefix: string) =>
    names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
  return {
    dns: valuesOf('DNS:').map((name) => name.toLowerCase()),
    ips: valuesOf('IP Address:').map(canonicalIp),
  };
}

/** SHA-256 of the certificate's DER, as browsers and OS certificate views print it (AA:BB:…). */
export function fingerprintSha256(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

export function certificateDer(certPem: string): Buffer {
  return new X509Certificate(certPem).raw;
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f; // positive, as RFC 5280 asks
  bytes[0] |= 0x01; // and without a leading zero byte
  return bytes.toString('hex');
}

type CryptoKey = webcrypto.CryptoKey;

async function exportKeyPem(key: CryptoKey): Promise<string> {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

async function importSigningKey(keyPem: string): Promise<CryptoKey> {
  const der = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, EC_P256, false, ['sign']);
}

async function generateKeys(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
}

function escapeDnValue(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

/** A new venue CA: ECDSA P-256, 10 years, allowed to sign server certificates only. */
export async function createVenueCa(hostname: string, now = new Date()): Promise<PemPair> {
  const x509 = await loadX509();
  const keys = await generateKeys();
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_YEARS);
  const cn = escapeDnValue(`Olympiad venue CA ${hostname} ${now.toISOString().slice(0, 10)}`);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${cn}, O=Robotics olympiad venue`,
    notBefore,
    notAfter,
    signingAlgorithm: EC_P256,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

/** A server certificate for `names`, signed by the venue CA, valid for 397 days. */
export async function issueServerCertificate(
  ca: PemPair,
  names: SubjectNames,
  now = new Date(),
): Promise<PemPair> {
  const x509 = await loadX509();
  const caCert = new x509.X509Certificate(ca.certPem);
  const keys = await generateKeys();
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(notBefore.getTime() + SERVER_CERT_DAYS * DAY_MS);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${escapeDnValue(names.dns[0] ?? 'localhost')}`,
    issuer: caCert.subject,
    notBefore,
    notAfter,
    signingAlgorithm: EC_P256,
    publicKey: keys.publicKey,
    signingKey: await importSigningKey(ca.keyPem),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

/**
 * Why `server` must be re-issued for `wanted` at `now` (a sentence for the log), or null when it
 * still serves: signed by this CA with its own key, naming every wanted name, 30+ days left.
 */
export function renewalReason(
  server: PemPair,
  ca: PemPair,
  wanted: SubjectNames,
  now = new Date(),
): string | null {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(server.certPem);
    if (!cert.checkPrivateKey(createPrivateKey(server.keyPem))) return 'its key does not match it';
  } catch {
    return 'it cannot be read';
  }
  const caCert = new X509Certificate(ca.certPem);
  if (!cert.checkIssued(caCert) || !cert.verify(caCert.publicKey))
    return 'it was not signed by the venue CA';
  const daysLeft = (new Date(cert.validTo).getTime() - now.getTime()) / DAY_MS;
  if (daysLeft < RENEW_DAYS_BEFORE_EXPIRY)
    return `it expires in ${Math.max(0, Math.floor(daysLeft))} days`;
  if (new Date(cert.validFrom).getTime() > now.getTime()) return 'it is not valid yet';
  const has = certificateNames(server.certPem);
  const missing = [
    ...wanted.dns.filter((name) => !has.dns.includes(name.toLowerCase())),
    ...wanted.ips.map(canonicalIp).filter((ip) => !has.ips.includes(ip)),
  ];
  return missing.length ? `it does not name ${missing.join(', ')}` : null;
}

function readPair(dir: string, certFile: string, keyFile: string): PemPair | null {
  const certPath = path.join(dir, certFile);
  const keyPath = path.join(dir, keyFile);
  if (!fs.existsSync(certPath) || !fs.existsSync(keyPath)) return null;
  return { certPem: fs.readFileSync(certPath, 'utf8'), keyPem: fs.readFileSync(keyPath, 'utf8') };
}

/** Writes a file whole (temporary file, then rename) with `mode`, so a crash never leaves half a key. */
function writeFileAtomic(file: string, content: string, mode: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content, { mode });
  fs.chmodSync(temporary, mode);
  fs.renameSync(temporary, file);
}

function writePair(dir: string, certFile: string, keyFile: string, pair: PemPair): void {
  writeFileAtomic(path.join(dir, keyFile), pair.keyPem, 0o600);
  writeFileAtomic(path.join(dir, certFile), pair.certPem, 0o644);
}

function isUsableCa(ca: PemPair): boolean {
  try {
    const cert = new X509Certificate(ca.certPem);
    return cert.ca && cert.checkPrivateKey(createPrivateKey(ca.keyPem));
  } catch {
    return false;
  }
}

export interface VenueCertificates {
  ca: PemPair;
  server: PemPair;
  /** What happened on this call, for the log; empty when the files were reused as they were. */
  events: string[];
}

/**
 * The venue CA and server certificate in `dir` (DATA_DIR/tls): created when missing, the CA reused
 * as long as it is usable, the server certificate re-issued when `renewalReason` says so.
 */
export async function ensureVenueCertificates(
  dir: string,
  hostname: string,
  addresses: string[],
  now = new Date(),
): Promise<VenueCertificates> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const events: string[] = [];
  let ca = readPair(dir, TLS_FILES.caCert, TLS_FILES.caKey);
  if (!ca || !isUsableCa(ca)) {
    events.push(
      ca
        ? `The venue CA in ${dir} could not be used (certificate and key do not match); a new CA was created: tablets must trust it again`
        : `Created the venue certificate authority in ${dir}`,
    );
    ca = await createVenueCa(hostname, now);
    writePair(dir, TLS_FILES.caCert, TLS_FILES.caKey, ca);
  }
  const wanted = serverNames(hostname, addresses);
  let server = readPair(dir, TLS_FILES.serverCert, TLS_FILES.serverKey);
  const reason = server ? renewalReason(server, ca, wanted, now) : 'there was none';
  if (!server || reason) {
    server = await issueServerCertificate(ca, wanted, now);
    writePair(dir, TLS_FILES.serverCert, TLS_FILES.serverKey, server);
    events.push(
      `Issued the server certificate for ${[...wanted.dns, ...wanted.ips].join(', ')} (${reason})`,
    );
  }
  return { ca, server, events };
}

/** A certificate the venue brought (TLS_CERT_FILE / TLS_KEY_FILE / TLS_CA_FILE): read and checked as a pair. */
export function loadOwnCertificate(
  certFile: string,
  keyFile: string,
  caFile?: string,
): PemPair & { chainPem?: string } {
  const read = (file: string, variable: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`${variable} ${file} cannot be read: ${(error as Error).message}`);
    }
  };
  const certPem = read(certFile, 'TLS_CERT_FILE');
  const keyPem = read(keyFile, 'TLS_KEY_FILE');
  const chainPem = caFile ? read(caFile, 'TLS_CA_FILE') : undefined;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    throw new ConfigError(`TLS_CERT_FILE ${certFile} is not a PEM certificate`);
  }
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new ConfigError(`TLS_KEY_FILE ${keyFile} is not a PEM private key`);
  }
  if (!cert.checkPrivateKey(key)) {
    throw new ConfigError(
      `TLS_KEY_FILE ${keyFile} is not the private key of the certificate in TLS_CERT_FILE ${certFile}: give the matching pair`,
    );
  }
  return { certPem, keyPem, chainPem };
}
