import type { BridgeConfig } from '@olympiad/contracts';
import type { AppConfig } from '../config/app-config';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

/** The embedded broker's MQTT-over-TLS port, and the venue CA's fingerprint when the venue CA signs its certificate. */
export interface BrokerTls {
  port: number;
  caFingerprintSha256?: string;
}

function urlHost(requestHost: string): string {
  return requestHost.includes(':') && !requestHost.startsWith('[')
    ? `[${requestHost}]`
    : requestHost;
}

/**
 * The broker address a device should use, as seen from the venue network: the embedded broker on
 * the host name the organiser's browser reached the server by (a laptop's LAN address, not
 * localhost), or the external broker's URL without any credentials in it, its loopback host
 * likewise replaced.
 */
export function deviceBrokerUrl(
  broker: AppConfig['mqtt'],
  boundPort: number | undefined,
  requestHost: string,
): string {
  const host = urlHost(requestHost);
  if (broker.kind === 'embedded') return `mqtt://${host}:${boundPort ?? broker.port}`;
  const url = new URL(broker.url);
  url.username = '';
  url.password = '';
  if (LOOPBACK.has(url.hostname)) url.hostname = host;
  return url.toString().replace(/\/$/, '');
}

/**
 * The embedded broker over TLS on the same host name: the server certificate names the venue's
 * `.local` name, localhost and every LAN address, so the device can verify it there.
 */
export function deviceBrokerTls(
  tls: BrokerTls,
  requestHost: string,
): Pick<BridgeConfig, 'mqttsUrl' | 'caFingerprintSha256'> {
  return {
    mqttsUrl: `mqtts://${urlHost(requestHost)}:${tls.port}`,
    ...(tls.caFingerprintSha256 ? { caFingerprintSha256: tls.caFingerprintSha256 } : {}),
  };
}

/**
 * `{ mqttUrl, deviceId, username, password }`, and `mqttsUrl` (+ `caFingerprintSha256`) when the
 * broker also listens over TLS: what `bridge --config` and the QR code carry.
 */
export function bridgeConfigOf(
  deviceId: string,
  secret: string,
  mqttUrl: string,
  tls?: Pick<BridgeConfig, 'mqttsUrl' | 'caFingerprintSha256'>,
): BridgeConfig {
  return { mqttUrl, deviceId, username: deviceId, password: secret, ...tls };
}
