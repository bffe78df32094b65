import type { BridgeConfig } from '@olympiad/contracts';
import type { AppConfig } from '../config/app-config';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

/**
 * The broker address a device should use, as seen from the venue network: the embedded broker on
 * the host name the organiser's browser reached the server by (a laptop's LAN address, not
 * localhost), or the external broker's URL without any credentials in it, its loopback host
 * likewise replaced.
 */
export function deviceBrokerUrl(broker: AppConfig['mqtt'], boundPort: number | undefined, requestHost: string): string {
  const host = requestHost.includes(':') && !requestHost.startsWith('[') ? `[${requestHost}]` : requestHost;
  if (broker.kind === 'embedded') return `mqtt://${host}:${boundPort ?? broker.port}`;
  const url = new URL(broker.url);
  url.username = '';
  url.password = '';
  if (LOOPBACK.has(url.hostname)) url.hostname = host;
  return url.toString().replace(/\/$/, '');
}

/** `{ mqttUrl, deviceId, username, password }`: what `bridge --config` and the QR code carry. */
export function bridgeConfigOf(deviceId: string, secret: string, mqttUrl: string): BridgeConfig {
  return { mqttUrl, deviceId, username: deviceId, password: secret };
}
