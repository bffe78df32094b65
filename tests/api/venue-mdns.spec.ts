import makeMdns from 'multicast-dns';
import type { Answer } from 'dns-packet';
import * as os from 'node:os';
import { startVenue, type Venue } from '../support/start-venue';

/** The machine's non-internal IPv4 addresses: what the venue must announce for its name. */
function lanIpv4(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((infos) => infos ?? [])
    .filter((info) => !info.internal && info.family === 'IPv4')
    .map((info) => info.address);
}

/**
 * Asks the LAN by multicast DNS, as a tablet's resolver does (again each second, as resolvers
 * retry), until the venue's answers satisfy `until`; the test's timeout bounds the wait.
 */
function ask(
  questions: { name: string; type: 'A' | 'PTR' }[],
  until: (records: Answer[]) => boolean,
): Promise<Answer[]> {
  const mdns = makeMdns();
  const records: Answer[] = [];
  let retry: NodeJS.Timeout | undefined;
  return new Promise<Answer[]>((resolve, reject) => {
    mdns.on('error', reject);
    mdns.on('response', (response) => {
      records.push(...response.answers, ...(response.additionals ?? []));
      if (until(records)) resolve(records);
    });
    mdns.on('ready', () => {
      mdns.query({ questions });
      retry = setInterval(() => mdns.query({ questions }), 1000);
    });
  }).finally(() => {
    clearInterval(retry);
    mdns.destroy();
  });
}

describe('the venue announces its name on the LAN by mDNS', () => {
  let venue: Venue;
  const hostname = `olympiad-test-${process.pid}`;

  beforeAll(async () => {
    venue = await startVenue({ env: { MDNS: 'on', VENUE_HOSTNAME: hostname } });
  });
  afterAll(async () => {
    await venue?.stop();
  });

  it('resolves <name>.local to the machine LAN addresses', async () => {
    const expected = lanIpv4();
    expect(expected.length).toBeGreaterThan(0);
    const records = await ask([{ name: `${hostname}.local`, type: 'A' }], (found) =>
      found.some((record) => record.type === 'A' && record.name === `${hostname}.local`),
    );
    const addresses = records.flatMap((record) =>
      record.type === 'A' && record.name === `${hostname}.local` ? [record.data] : [],
    );
    expect([...new Set(addresses)].sort()).toEqual(expected.sort());
  });

  it('lists the apps as an _https._tcp service on the HTTPS port', async () => {
    const instance = `Olympiad venue ${hostname}._https._tcp.local`;
    const records = await ask([{ name: '_https._tcp.local', type: 'PTR' }], (found) =>
      found.some((record) => record.type === 'SRV' && record.name === instance),
    );
    const srv = records.flatMap((record) =>
      record.type === 'SRV' && record.name === instance ? [record.data] : [],
    );
    expect(srv[0]).toEqual(
      expect.objectContaining({ port: venue.httpsPort, target: `${hostname}.local` }),
    );
  });

  it('says so in its log', () => {
    expect(venue.output()).toContain(`Announcing ${hostname}.local by mDNS`);
  });
});
