import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A certificate a venue brought itself (docs/venue-network.md, route 2), as files on disk. */
export interface OwnCertificate {
  /** PEM of the authority that signed it: what a client must trust. */
  caPem: string;
  /** `TLS_CERT_FILE` and `TLS_KEY_FILE` for the venue. */
  env: { TLS_CERT_FILE: string; TLS_KEY_FILE: string };
  /** The folder holding both files. */
  dir: string;
}

/**
 * Makes a test authority and, signed by it, a server certificate for `name` (ECDSA P-256), and
 * writes the certificate and its key where a venue started with `env` reads them.
 */
export async function makeOwnCertificate(name = 'venue.olympiad.example'): Promise<OwnCertificate> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const caKeys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=Republic test CA',
    keys: caKeys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
    ],
  });
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    subject: `CN=${name}`,
    issuer: ca.subject,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: name }])],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-cert-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  fs.writeFileSync(certFile, cert.toString('pem'));
  fs.writeFileSync(
    keyFile,
    x509.PemConverter.encode(
      await webcrypto.subtle.exportKey('pkcs8', keys.privateKey),
      'PRIVATE KEY',
    ),
    { mode: 0o600 },
  );
  return {
    caPem: ca.toString('pem'),
    env: { TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile },
    dir,
  };
}
