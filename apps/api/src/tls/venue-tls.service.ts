import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { routePath, routes, type VenueTlsInfo, type VenueTlsMode } from '@olympiad/contracts';
import type { Server as HttpsServer, ServerOptions as HttpsOptions } from 'node:https';
import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';
import {
  type PemPair,
  ensureVenueCertificates,
  fingerprintSha256,
  lanAddresses,
  loadOwnCertificate,
} from './venue-certificates';

/** How often the server certificate is checked against the machine's addresses and its expiry. */
export const RENEWAL_CHECK_MS = 60_000;

/** Host names for which a browser is already in a secure context: no redirect to HTTPS. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The venue's HTTPS state (docs/venue-network.md): which certificate the HTTPS port serves, the
 * venue CA a tablet downloads to trust it, and the renewal of the server certificate when the
 * laptop's addresses change. Prepared before the app starts, since the HTTPS server needs it.
 */
export class VenueTlsService implements OnApplicationShutdown {
  private readonly logger = new Logger('VenueTls');
  private server?: HttpsServer;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private readonly renewedListeners: ((options: HttpsOptions) => void)[] = [];
  private ports: { http: number; https: number | null };

  private constructor(
    private readonly config: AppConfig,
    readonly mode: VenueTlsMode,
    private readonly ca: PemPair | null,
    private current: (PemPair & { chainPem?: string }) | null,
    private readonly addresses: () => string[],
  ) {
    this.ports = {
      http: config.port,
      https: config.https.kind === 'off' ? null : config.https.port,
    };
  }

  /** Reads (or creates) the certificates the configuration asks for; a bad own certificate is a ConfigError. */
  static async prepare(
    config: AppConfig,
    addresses: () => string[] = () => lanAddresses(),
  ): Promise<VenueTlsService> {
    const https = config.https;
    if (https.kind === 'off') return new VenueTlsService(config, 'off', null, null, addresses);
    if (https.kind === 'own-certificate') {
      const own = loadOwnCertificate(https.certFile, https.keyFile, https.caFile);
      return new VenueTlsService(config, 'own-certificate', null, own, addresses);
    }
    const found = await ensureVenueCertificates(
      VenueTlsService.dir(config),
      config.venueHostname,
      addresses(),
    );
    const service = new VenueTlsService(config, 'venue-ca', found.ca, found.server, addresses);
    found.events.forEach((event) => service.logger.log(event));
    return service;
  }

  static dir(config: AppConfig): string {
    return path.join(config.dataDir, 'tls');
  }

  get name(): string {
    return `${this.config.venueHostname}.local`;
  }

  /** Certificate and key for `https.createServer`; null when HTTPS is off. */
  serverOptions(): HttpsOptions | null {
    if (!this.current) return null;
    return {
      cert: this.current.chainPem
        ? `${this.current.certPem.trim()}\n${this.current.chainPem}`
        : this.current.certPem,
      key: this.current.keyPem,
    };
  }

  /** The HTTPS server now serving; with the venue CA, its certificate is checked every minute from here on. */
  serve(server: HttpsServer, ports: { http: number; https: number }): void {
    this.server = server;
    this.ports = ports;
    if (this.mode !== 'venue-ca') return;
    this.timer = setInterval(() => void this.checkRenewal(), RENEWAL_CHECK_MS);
    this.timer.unref();
  }

  /** Another TLS listener on the same certificate (MQTT over TLS) takes each re-issued one too. */
  onRenewed(listener: (options: HttpsOptions) => void): void {
    this.renewedListeners.push(listener);
  }

  setHttpPort(port: number): void {
    this.ports = { ...this.ports, http: port };
  }

  get httpsPort(): number | null {
    return this.mode === 'off' ? null : this.ports.https;
  }

  /** Re-issues the server certificate when the addresses changed or it nears expiry, and swaps it in. */
  checkRenewal(now = new Date()): Promise<void> {
    if (this.mode !== 'venue-ca') return Promise.resolve();
    this.checking ??= this.renew(now).finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async renew(now: Date): Promise<void> {
    try {
      const found = await ensureVenueCertificates(
        VenueTlsService.dir(this.config),
        this.config.venueHostname,
        this.addresses(),
        now,
      );
      if (found.server.certPem === this.current?.certPem) return;
      this.current = found.server;
      const options = this.serverOptions();
      if (this.server && options) this.server.setSecureContext(options);
      if (options) this.renewedListeners.forEach((listener) => listener(options));
      found.events.forEach((event) => this.logger.log(`${event}; the HTTPS port serves it now`));
    } catch (error) {
      this.logger.error(`Could not renew the server certificate: ${(error as Error).message}`);
    }
  }

  caCertificatePem(): string | null {
    return this.ca?.certPem ?? null;
  }

  /** https://<name>.local:<port> (or the given host) for a path; null when HTTPS is off. */
  httpsUrl(host = this.name): string | null {
    return this.httpsPort === null ? null : `https://${hostForUrl(host)}:${this.httpsPort}`;
  }

  httpUrl(host = this.name): string {
    return `http://${hostForUrl(host)}:${this.ports.http}`;
  }

  info(): VenueTlsInfo {
    const venueCa = this.mode === 'venue-ca' && this.ca;
    return {
      mode: this.mode,
      name: this.name,
      httpsPort: this.httpsPort,
      httpsUrl: this.httpsUrl(),
      httpUrl: this.httpUrl(),
      addresses: this.addresses(),
      caFingerprintSha256: venueCa ? fingerprintSha256(this.ca.certPem) : null,
      caDownloadUrl: venueCa ? `${this.httpUrl()}${routePath(routes.tls.caCrt)}` : null,
    };
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.server?.close();
    this.server?.closeAllConnections();
  }
}
