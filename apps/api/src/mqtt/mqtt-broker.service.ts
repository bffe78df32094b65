import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { parseDeviceTopic } from '@olympiad/contracts';
import type { Aedes } from 'aedes';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import * as net from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type * as tls from 'node:tls';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeviceCredentialsService } from '../devices/device-credentials.service';
import { DeviceRegistryService } from '../devices/device-registry.service';
import { VenueTlsService } from '../tls/venue-tls.service';
import { mayPublish, maySubscribe, SERVER_MQTT_USER } from './device-topic-acl';
import { listenMqttOverTls } from './mqtt-tls-listener';
import { guardPacketSize, MAX_MQTT_PACKET_BYTES } from './packet-size-guard';

export const MQTT_WS_PATH = '/mqtt';

/** Stores one device event; resolves once it is stored (or refused), rejects when it could not be. */
export type DeviceEventSink = (topic: string, payload: Buffer) => Promise<void>;

/**
 * The venue's embedded MQTT broker (Aedes) on TCP, on MQTT over TLS with the HTTPS certificate
 * when HTTPS is on (MQTT_TLS_PORT, docs/venue-network.md) and on MQTT-over-WebSocket at /mqtt of
 * the HTTP port. Every listener feeds the one broker: devices sign in with their id and secret and
 * may publish only under their own topic; the server's own client signs in with a secret made at
 * every start. A device's event is handed to the sink and stored before the broker acknowledges
 * it, so an event a device saw acknowledged survives a crash (docs/sensor-contract.md#delivery).
 */
@Injectable()
export class MqttBrokerService implements OnApplicationShutdown {
  private readonly logger = new Logger('MqttBroker');
  private broker?: Aedes;
  private server?: net.Server;
  private tlsServer?: tls.Server;
  private wss?: WebSocketServer;
  private boundPort?: number;
  readonly serverPassword = randomBytes(24).toString('base64url');
  /** Connections that signed in as the server itself, by object identity (not by a spoofable id). */
  private readonly serverClients = new WeakSet<object>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly credentials: DeviceCredentialsService,
    private readonly registry: DeviceRegistryService,
    private readonly venueTls: VenueTlsService,
  ) {}

  get embedded(): boolean {
    return this.config.mqtt.kind === 'embedded';
  }

  /**
   * Starts the embedded broker (no-op with an external MQTT_URL); returns its TCP URL for the
   * server's client. Device events and statuses go to `storeEvent` before they are acknowledged;
   * the server's client then needs no subscription to them.
   */
  async start(storeEvent: DeviceEventSink): Promise<string | undefined> {
    const mqtt = this.config.mqtt;
    if (mqtt.kind !== 'embedded') return undefined;
    // aedes is an ES module; Node 20.19+ loads it from CommonJS.
    const { Aedes: AedesBroker } = await import('aedes');
    const broker = await AedesBroker.createBroker({
      authenticate: (client, username, password, done) => {
        const secret = password?.toString() ?? '';
        if (username === SERVER_MQTT_USER) {
          const ok = secret === this.serverPassword;
          if (ok) this.serverClients.add(client);
          return done(null, ok);
        }
        if (!username || client.id !== username) return done(null, false);
        this.credentials.verify(username, secret).then(
          (ok) => done(null, ok),
          () => done(null, false),
        );
      },
      authorizePublish: (client, packet, callback) => {
        if (!client || this.serverClients.has(client)) return callback(null);
        if (!mayPublish(client.id, packet.topic)) {
          this.logger.warn(`Refused: device ${client.id} may not publish to ${packet.topic}`);
          return callback(new Error('not authorised'));
        }
        const kind = parseDeviceTopic(packet.topic)?.kind;
        if (kind !== 'event' && kind !== 'status') return callback(null);
        // Aedes sends the PUBACK once this callback has run: only a stored (or refused) event is
        // acknowledged. An error closes the device's connection unacknowledged; it sends again.
        // Statuses (and Last Wills, published through here too) take the same path as events, so
        // a device's status and events are handled in the order it sent them.
        storeEvent(packet.topic, toBuffer(packet.payload)).then(
          () => callback(null),
          (error: Error) => {
            this.logger.error(
              `Event on ${packet.topic} not stored, not acknowledged: ${error.message}`,
            );
            callback(error);
          },
        );
      },
      authorizeSubscribe: (client, subscription, callback) => {
        if (this.serverClients.has(client) || maySubscribe(client.id, subscription.topic))
          return callback(null, subscription);
        callback(new Error('not authorised'));
      },
    });
    this.broker = broker;
    const server = net.createServer((socket) => this.accept(broker, socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(mqtt.port, mqtt.host, () => resolve());
    });
    this.boundPort = (server.address() as net.AddressInfo).port;
    this.logger.log(
      `Embedded MQTT broker listening on ${mqtt.host}:${this.boundPort} (and ws ${MQTT_WS_PATH})`,
    );
    const tlsPort = await this.listenTls(broker, mqtt.tlsPort, mqtt.host);
    const caFingerprintSha256 = this.venueTls.info().caFingerprintSha256 ?? undefined;
    this.registry.brokerListening(
      this.boundPort,
      tlsPort === undefined ? undefined : { port: tlsPort, caFingerprintSha256 },
    );
    return `mqtt://127.0.0.1:${this.boundPort}`;
  }

  private async listenTls(
    broker: Aedes,
    port: number | undefined,
    host: string,
  ): Promise<number | undefined> {
    if (port === undefined) return undefined;
    const server = await listenMqttOverTls(
      (socket) => this.accept(broker, socket),
      this.venueTls,
      port,
      host,
    ).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? new Error(
            `MQTT_TLS_PORT ${port} is in use by another program: choose another MQTT_TLS_PORT (or MQTT_TLS=off)`,
          )
        : error;
    });
    if (!server) return undefined;
    this.tlsServer = server;
    const bound = (server.address() as net.AddressInfo).port;
    this.logger.log(
      `MQTT over TLS on port ${bound} (${this.venueTls.mode === 'venue-ca' ? 'venue CA' : 'own certificate'})`,
    );
    return bound;
  }

  /** Every listener's connection goes to the broker through the packet size guard. */
  private accept(broker: Aedes, connection: Duplex, request?: IncomingMessage): void {
    const guarded = guardPacketSize(connection, MAX_MQTT_PACKET_BYTES, (reason) =>
      this.logger.warn(`Closed an MQTT connection: ${reason}`),
    );
    broker.handle(guarded, request);
  }

  /** Serves MQTT over WebSocket on the /mqtt path of the HTTP (and then the HTTPS) server: browsers, firewalled venues. */
  attachWebSocket(httpServer: HttpServer): void {
    const broker = this.broker;
    if (!broker) return;
    const wss = (this.wss ??= new WebSocketServer({ noServer: true }));
    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://x').pathname !== MQTT_WS_PATH) return;
      wss.handleUpgrade(request, socket, head, (ws) => {
        const stream = createWebSocketStream(ws);
        stream.on('error', () => stream.destroy());
        this.accept(broker, stream, request);
      });
    });
  }

  health(): { mode: 'embedded' | 'external'; listening: boolean; address: string } {
    const mqtt = this.config.mqtt;
    if (mqtt.kind === 'external')
      return { mode: 'external', listening: false, address: redact(mqtt.url) };
    return {
      mode: 'embedded',
      listening: Boolean(this.server?.listening),
      address: `mqtt://${mqtt.host}:${this.boundPort ?? mqtt.port}`,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.wss?.close();
    // Closed once the broker has closed the devices' connections on it.
    const tlsClosed = new Promise<void>((resolve) =>
      this.tlsServer ? this.tlsServer.close(() => resolve()) : resolve(),
    );
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    await new Promise<void>((resolve) =>
      this.broker ? this.broker.close(() => resolve()) : resolve(),
    );
    await tlsClosed;
  }
}

function toBuffer(payload: Buffer | string): Buffer {
  return Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
}

export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
