import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { Venue } from '../../support/start-venue';

/**
 * A fresh HOME whose NSS database (where Chromium on Linux reads the trust a person added)
 * trusts the venue's CA, as a tablet does after the console's trust steps. Uses certutil from
 * Debian's libnss3-tools (docs/testing.md). Returns the HOME and the CA certificate (PEM).
 */
export async function homeTrustingVenueCa(venue: Venue): Promise<{ home: string; caPem: string }> {
  const caPem = (await request(venue.url).get('/api/tls/ca.pem').expect(200)).text;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-tablet-home-'));
  const nssdb = path.join(home, '.pki', 'nssdb');
  fs.mkdirSync(nssdb, { recursive: true });
  const caFile = path.join(home, 'olympiad-venue-ca.pem');
  fs.writeFileSync(caFile, caPem);
  execFileSync('certutil', ['-d', `sql:${nssdb}`, '-N', '--empty-password']);
  execFileSync('certutil', [
    '-d',
    `sql:${nssdb}`,
    '-A',
    '-t',
    'C,,',
    '-n',
    'olympiad-venue',
    '-i',
    caFile,
  ]);
  return { home, caPem };
}

/** Chromium's flag that resolves the venue's LAN name to this machine, as the venue's mDNS would. */
export function resolveVenueName(name: string): string {
  return `--host-resolver-rules=MAP ${name} 127.0.0.1`;
}
