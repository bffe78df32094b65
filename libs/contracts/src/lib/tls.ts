/**
 * How the venue serves HTTPS on its LAN (docs/venue-network.md): its own certificate authority
 * (tablets trust it once), a certificate the venue brought, or no HTTPS at all.
 */
export type VenueTlsMode = 'venue-ca' | 'own-certificate' | 'off';

/** GET /api/tls (public): what a tablet needs to reach the venue over HTTPS and trust it. */
export interface VenueTlsInfo {
  mode: VenueTlsMode;
  /** The name the venue announces on the LAN, e.g. `olympiad.local`. */
  name: string;
  httpsPort: number | null;
  /** e.g. `https://olympiad.local:3443`; null when HTTPS is off. */
  httpsUrl: string | null;
  httpUrl: string;
  /** The machine's LAN addresses (the fallback when a tablet cannot resolve the name). */
  addresses: string[];
  /** SHA-256 of the venue CA certificate (DER), to compare on the tablet; null unless `venue-ca`. */
  caFingerprintSha256: string | null;
  /** The http URL of `/api/tls/ca.crt` on the name; null unless `venue-ca`. */
  caDownloadUrl: string | null;
}
