import { sign, verify } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadOrCreateVenueKey, publicKeyFromText, VENUE_KEY_FILE } from './venue-key';

describe('the venue key', () => {
  const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'venue-key-'));

  it('is made once in the data folder, private to its owner, and the same key is read afterwards', () => {
    const dir = path.join(dataDir(), 'not-yet-there');
    const first = loadOrCreateVenueKey(dir);
    const file = path.join(dir, VENUE_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain('BEGIN PRIVATE KEY');
    const again = loadOrCreateVenueKey(dir);
    expect(again.publicKeyText).toBe(first.publicKeyText);
    expect(fs.readdirSync(dir)).toEqual([VENUE_KEY_FILE]);
  });

  it('signs with the private key what the published public key text verifies', () => {
    const key = loadOrCreateVenueKey(dataDir());
    expect(key.publicKeyText).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const message = Buffer.from('stage');
    const signature = sign(null, message, key.privateKey);
    expect(verify(null, message, publicKeyFromText(key.publicKeyText), signature)).toBe(true);
    expect(verify(null, message, loadOrCreateVenueKey(dataDir()).publicKey, signature)).toBe(false);
  });

  it('refuses a public key text that is not one', () => {
    expect(() => publicKeyFromText('not a key')).toThrow();
  });
});
