import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import makeMdns from 'multicast-dns';
import type { AppConfig } from '../config/app-config';
import { answerQuery, venueRecords, type VenueMdnsState } from './mdns-records';
import { lanAddresses } from './venue-certificates';

/** mDNS responders repeat an unsolicited announcement once, a second later (RFC 6762 §8.3). */
const REPEAT_ANNOUNCEMENT_MS = 1000;
/** How often a changed address list (laptop moved to another network) is announced anew. */
const ADDRESS_CHECK_MS = 60_000;

/**
 * Announces the venue as `<VENUE_HOSTNAME>.local` on the LAN and answers queries for it, so
 * tablets type a name instead of an IP (docs/venue-network.md). Port 5353 may be taken (another
 * responder, a second server in tests) or multicast blocked: that is logged, never fatal.
 */
export class MdnsAnnouncer implements OnApplicationShutdown {
  private readonly logger = new Logger('Mdns');
  private mdns?: makeMdns.MulticastDNS;
  private ports?: { http: number; https: number | null };
  private repeat?: NodeJS.Timeout;
  private watch?: NodeJS.Timeout;
  private announced = '';

  constructor(
    private readonly config: AppConfig,
    private readonly addresses: () => string[] = () => lanAddresses(),
    /** multicast-dns options; the default is the mDNS port 5353 on every interface. */
    private readonly mdnsOptions: makeMdns.Options = {},
  ) {}

  state(): VenueMdnsState | null {
    if (!this.ports) return null;
    return {
      hostname: this.config.venueHostname,
      addresses: this.addresses(),
      httpPort: this.ports.http,
      httpsPort: this.ports.https,
    };
  }

  start(ports: { http: number; https: number | null }): void {
    if (!this.config.mdns || this.mdns) return;
    this.ports = ports;
    let mdns: makeMdns.MulticastDNS;
    try {
      mdns = makeMdns(this.mdnsOptions);
    } catch (error) {
      this.logger.warn(
        `mDNS is off: ${(error as Error).message}. Tablets use the IP address instead of ${this.config.venueHostname}.local.`,
      );
      return;
    }
    this.mdns = mdns;
    mdns.on('error', (error: Error) => {
      this.logger.warn(
        `mDNS is off: ${error.message}. Tablets use the IP address instead of ${this.config.venueHostname}.local.`,
      );
      this.stop();
    });
    mdns.on('warning', (error: Error) => this.logger.debug(`mDNS: ${error.message}`));
    mdns.on('query', (query, rinfo) => {
      const state = this.state();
      const answer = state && answerQuery(query.questions, state);
      if (!answer) return;
      // A one-shot resolver (not on port 5353) is answered directly, with its question id.
      if (rinfo.port !== 5353)
        mdns.respond(
          { id: query.id, questions: query.questions, ...answer },
          { port: rinfo.port, address: rinfo.address },
        );
      else mdns.respond(answer);
    });
    mdns.on('ready', () => {
      this.announce();
      this.repeat = setTimeout(() => this.announce(), REPEAT_ANNOUNCEMENT_MS);
      this.repeat.unref();
      this.watch = setInterval(() => {
        if (this.addresses().join() !== this.announced) this.announce();
      }, ADDRESS_CHECK_MS);
      this.watch.unref();
      this.logger.log(
        `Announcing ${this.config.venueHostname}.local by mDNS (${this.addresses().join(', ') || 'no LAN address yet'})`,
      );
    });
  }

  private announce(): void {
    const state = this.state();
    if (!state || !this.mdns) return;
    this.announced = state.addresses.join();
    this.mdns.respond({ answers: venueRecords(state) });
  }

  private stop(): void {
    clearTimeout(this.repeat);
    clearInterval(this.watch);
    const mdns = this.mdns;
    this.mdns = undefined;
    try {
      mdns?.destroy();
    } catch {
      // already closed after an error
    }
  }

  onApplicationShutdown(): void {
    this.stop();
  }
}
