import type { VenueTlsInfo } from '@olympiad/contracts';

/** The judge app under a venue origin such as `https://olympiad.local:3443`. */
export function judgeAppUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/judge/`;
}

/**
 * The judge app at each of the venue's LAN addresses, for a tablet that cannot resolve the
 * venue's `.local` name (the server certificate names these addresses too; docs/venue-network.md).
 * Link-local IPv6 addresses are left out: a browser cannot open them without the tablet's own
 * interface name.
 */
export function judgeAppUrlsByAddress(info: VenueTlsInfo): string[] {
  if (info.httpsPort === null) return [];
  return info.addresses
    .filter((address) => !/^fe[89ab]/i.test(address))
    .map((address) =>
      judgeAppUrl(`https://${address.includes(':') ? `[${address}]` : address}:${info.httpsPort}`),
    );
}
