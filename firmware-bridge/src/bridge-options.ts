import { bridgeConfigSchema, type BridgeConfig } from '@olympiad/contracts';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';

/**
 * `--config <file>`: the JSON the console shows once when a device is registered (and encodes in
 * its QR code), `{ mqttUrl, deviceId, username, password }` (and `mqttsUrl`,
 * `caFingerprintSha256` when the venue's broker listens over TLS), read with the contract's schema.
 */
export function readBridgeConfig(file: string): BridgeConfig {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file}: not a JSON bridge configuration (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = bridgeConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * `--ca <file>`: the certificate authority the broker's certificate must chain to, PEM (the
 * venue's `/api/tls/ca.pem`) or DER (`/api/tls/ca.crt`, what tablets download). Given the
 * fingerprint from the bridge configuration, a file of another CA is refused here rather than
 * failing every handshake later. Returns PEM for the TLS connection.
 */
export function readCaFile(file: string, expectedFingerprint?: string): string {
  let certificates: X509Certificate[];
  try {
    const content = fs.readFileSync(file);
    const pem = content.toString('latin1').match(PEM_BLOCK);
    certificates = pem
      ? pem.map((block) => new X509Certificate(block))
      : [new X509Certificate(content)];
  } catch (error) {
    throw new Error(
      `${file}: not a CA certificate in PEM or DER (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!certificates.some((certificate) => certificate.ca)) {
    throw new Error(
      `${file}: not a CA certificate; give the venue CA (/api/tls/ca.pem), not the server's certificate`,
    );
  }
  if (
    expectedFingerprint &&
    !certificates.some(
      (certificate) => certificate.fingerprint256 === expectedFingerprint.toUpperCase(),
    )
  ) {
    throw new Error(
      `${file}: not the venue CA of this configuration (its SHA-256 fingerprint is ${certificates[0].fingerprint256}, the configuration names ${expectedFingerprint})`,
    );
  }
  return certificates.map((certificate) => certificate.toString().trim()).join('\n') + '\n';
}

export interface BrokerFlags {
  url?: string;
  /** A CA file: connect over TLS and verify the broker's certificate with it. */
  ca?: string;
  /** Connect over TLS (the configuration's mqttsUrl) trusting the system's CAs: a venue with its own public certificate. */
  tls?: boolean;
}

/**
 * Which broker and which CA: `--url` if given; otherwise, with `--ca` or `--tls`, the
 * configuration's `mqttsUrl`, and its plain `mqttUrl` without them (the default on an isolated
 * venue LAN, docs/venue-network.md).
 */
export function brokerChoice(
  flags: BrokerFlags,
  config: BridgeConfig | null,
): { url?: string; ca?: string } {
  const wantsTls = Boolean(flags.ca || flags.tls);
  if (wantsTls && !flags.url && config && !config.mqttsUrl) {
    throw new Error(
      'The bridge configuration has no mqttsUrl (the venue broker does not listen over TLS): give --url mqtts://<host>:8883, or leave out --ca/--tls',
    );
  }
  const url = flags.url ?? (wantsTls ? config?.mqttsUrl : config?.mqttUrl);
  if (url && wantsTls && !url.startsWith('mqtts://')) {
    throw new Error(`--ca and --tls are for a broker over TLS: an mqtts:// URL, not ${url}`);
  }
  const ca = flags.ca ? readCaFile(flags.ca, config?.caFingerprintSha256) : undefined;
  return { url, ca };
}

export interface LinkSettings {
  url: string;
  deviceId: string;
  username: string;
  secret: string;
  /** PEM of the CA that must vouch for an mqtts:// broker; the system's CAs without it. */
  ca?: string;
}

/**
 * Where and as whom to connect: each flag given overrides the configuration file. A device id
 * given as a flag is also the broker user name (the broker admits a device only under its own id).
 */
export function linkSettings(
  flags: BrokerFlags & { device?: string; secret?: string },
  config: BridgeConfig | null,
): LinkSettings {
  const { url, ca } = brokerChoice(flags, config);
  const deviceId = flags.device ?? config?.deviceId;
  const secret = flags.secret ?? config?.password;
  const missing = [!url && '--url', !deviceId && '--device', !secret && '--secret'].filter(Boolean);
  if (!url || !deviceId || !secret)
    throw new Error(
      `Missing ${missing.join(', ')}: give them as flags or with --config <file.json>`,
    );
  const username = flags.device === undefined && config ? config.username : deviceId;
  return { url, deviceId, username, secret, ...(ca ? { ca } : {}) };
}
