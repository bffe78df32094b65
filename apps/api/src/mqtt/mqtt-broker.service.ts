import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Aedes } from 'aedes';
import { connect, type MqttClient } from 'mqtt';
import * as net from 'node:net';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface BrokerHealth {
  mode: 'embedded' | 'external';
  ready: boolean;
  address: string;
}

/**
 * The venue's MQTT broker: an embedded Aedes on TCP by default (one command starts a venue), or a
 * connection to the external broker at MQTT_URL. Sensor ingestion builds on this.
 */
@Injectable()
export class MqttBrokerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MqttBroker');
  private broker?: Aedes;
  private server?: net.Server;
  private client?: MqttClient;
  private boundPort?: number;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const mqtt = this.config.mqtt;
    if (mqtt.kind === 'external') {
      this.client = connect(mqtt.url, {
        username: mqtt.username,
        password: mqtt.password,
        clientId: `olympiad-api-${process.pid}`,
        reconnectPeriod: 2000,
      });
      this.client.on('connect', () => this.logger.log(`Connected to the external broker ${redact(mqtt.url)}`));
      this.client.on('error', (error) => this.logger.warn(`External broker: ${error.message}`));
      return;
    }
    // aedes is an ES module; Node 20.19+ loads it from CommonJS.
    const { Aedes: AedesBroker } = await import('aedes');
    this.broker = await AedesBroker.createBroker();
    const server = net.createServer(this.broker.handle);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(mqtt.port, mqtt.host, () => resolve());
    });
    this.boundPort = (server.address() as net.AddressInfo).port;
    this.logger.log(`Embedded MQTT broker listening on ${mqtt.host}:${this.boundPort}`);
  }

  health(): BrokerHealth {
    const mqtt = this.config.mqtt;
    if (mqtt.kind === 'external') {
      return { mode: 'external', ready: Boolean(this.client?.connected), address: redact(mqtt.url) };
    }
    return { mode: 'embedded', ready: Boolean(this.server?.listening), address: `mqtt://${mqtt.host}:${this.boundPort ?? mqtt.port}` };
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.client ? this.client.end(false, {}, () => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.broker ? this.broker.close(() => resolve()) : resolve()));
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
