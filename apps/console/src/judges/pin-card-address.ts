import type { VenueTlsInfo } from '@olympiad/contracts';
import { judgeAppUrl, judgeAppUrlsByAddress } from '../tablets/judge-app-urls';

/**
 * The judge app's address printed on PIN cards: by the venue's name (HTTPS when the venue serves
 * it), with the first LAN address as the fallback for a tablet that cannot resolve the name
 * (docs/venue-network.md). Before GET /api/tls answers, the console's own origin.
 */
export function pinCardAddresses(
  info: VenueTlsInfo | undefined,
  origin: string,
): { byName: string; byAddress: string | null } {
  if (!info) return { byName: judgeAppUrl(origin), byAddress: null };
  return {
    byName: judgeAppUrl(info.httpsUrl ?? info.httpUrl),
    byAddress: judgeAppUrlsByAddress(info)[0] ?? null,
  };
}
