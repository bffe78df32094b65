import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { connect, type MqttClient } from 'mqtt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SensorIngestionService } from '../sensors/sensor-ingestion.service';
import { SERVER_MQTT_USER } from './device-topic-acl';
import { MqttBrokerService, redact } from './mqtt-broker.service';
import { serverSession } from './server-session';

/**
 * The server's own MQTT client, on the embedded broker or the external one: subscribes to every
 * device's events and status with QoS 1 and hands every message to ingestion. With an external
 * broker and no share group the session is persistent (clean: false, a stable client id), so
 * events published while the server is down wait in the broker; replicas share the messages
 * instead (server-session.ts).
 */
@Injectable()
export class MqttConnectionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mqtt');
  private client?: MqttClient;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly broker: MqttBrokerService,
    private readonly ingestion: SensorIngestionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const embeddedUrl = await this.broker.start((topic, payload) => this.ingestion.handle(topic, payload));
    const mqtt = this.config.mqtt;
    const options =
      mqtt.kind === 'embedded'
        ? {
            url: embeddedUrl as string,
            username: SERVER_MQTT_USER,
            password: this.broker.serverPassword,
            clientId: `${SERVER_MQTT_USER}-${process.pid}`,
            clean: true,
            // The embedded broker hands device events, statuses and Last Wills to ingestion
            // before acknowledging them: the server's client subscribes to nothing there.
            topics: [] as string[],
          }
        : { url: mqtt.url, username: mqtt.username, password: mqtt.password, ...serverSession(mqtt) };
    const client = connect(options.url, {
      clientId: options.clientId,
      username: options.username,
      password: options.password,
      clean: options.clean,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
    // mqtt.js hands over messages one at a time; taking the next one while this one waits for its
    // group commit is what lets ingestion batch. Shutdown drains the batch before the database closes.
    client.handleMessage = (packet, done) => {
      if (packet.cmd === 'publish') {
        this.ingestion
          .handle(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload))
          .catch((error: Error) => this.logger.error(`Ingestion failed on ${packet.topic}: ${error.stack ?? error.message}`));
      }
      done();
    };
    this.client = client;
    client.on('connect', (connack) => {
      this.logger.log(`Connected to ${redact(options.url)} as ${options.clientId}${connack.sessionPresent ? ' (session resumed)' : ''}`);
      if (options.topics.length === 0) return;
      client.subscribe(options.topics, { qos: 1 }, (error) => {
        if (error) this.logger.error(`Subscribe failed: ${error.message}`);
      });
    });
    client.on('offline', () => this.logger.warn(`Broker ${redact(options.url)} unreachable; reconnecting`));
    client.on('error', (error) => this.logger.warn(`MQTT: ${error.message}`));
    // With an external broker the venue starts even if the broker is down; it connects when it can.
    if (mqtt.kind === 'embedded') {
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('error', reject);
      });
    }
  }

  get connected(): boolean {
    return Boolean(this.client?.connected);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.client ? this.client.end(false, {}, () => resolve()) : resolve()));
  }
}
