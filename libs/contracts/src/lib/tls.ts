import { z } from 'zod';

/**
 * How the venue serves HTTPS on its LAN (docs/venue-network.md): its own certificate authority
 * (tablets trust it once), a certificate the venue brought, or no HTTPS at all.
 */
export const venueTlsModeSchema = z.enum(['venue-ca', 'own-certificate', 'off']);
export type VenueTlsMode = z.infer<typeof venueTlsModeSchema>;

/** GET /api/tls (public): what a tablet needs to reach the venue over HTTPS and trust it. */
export const venueTlsInfoSchema = z.object({
  mode: venueTlsModeSchema,
  /** The name the venue announces on the LAN, e.g. `olympiad.local`. */
  name: z.string(),
  httpsPort: z.number().int().nullable(),
  /** e.g. `https://olympiad.local:3443`; null when HTTPS is off. */
  httpsUrl: z.string().nullable(),
  httpUrl: z.string(),
  /** The machine's LAN addresses (the fallback when a tablet cannot resolve the name). */
  addresses: z.array(z.string()),
  /** SHA-256 of the venue CA certificate (DER), to compare on the tablet; null unless `venue-ca`. */
  caFingerprintSha256: z.string().nullable(),
  /** The http URL of the CA's DER download on the name; null unless `venue-ca`. */
  caDownloadUrl: z.string().nullable(),
});
export type VenueTlsInfo = z.infer<typeof venueTlsInfoSchema>;
