import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The venue's private signing key, PKCS#8 PEM, readable by the server's user only. */
export const VENUE_KEY_FILE = 'venue-key.pem';

export interface VenueKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The 32 raw bytes of the Ed25519 public key, base64url: how a bundle and the republic name the venue. */
  publicKeyText: string;
}

/** The raw Ed25519 public key as base64url (the JWK `x`). */
export function publicKeyText(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw new Error('Not an Ed25519 public key');
  return jwk.x;
}

/** The public key named by `publicKeyText`; throws on anything that is not 32 bytes of base64url. */
export function publicKeyFromText(text: string): KeyObject {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) throw new Error('Not an Ed25519 public key');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' });
}

/**
 * The venue's Ed25519 key pair: made once in the data folder, read from there afterwards. The
 * private key is only ever used in this process to sign; it is never sent anywhere.
 */
export function loadOrCreateVenueKey(dataDir: string): VenueKey {
  const file = path.join(dataDir, VENUE_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
    try {
      // 'wx' fails if another process wrote the file first; then its key is the one to use.
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateKey = createPrivateKey(fs.readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`${file} does not hold an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyText: publicKeyText(publicKey) };
}
