import { mqttTopics, type SensorEvent } from '@olympiad/contracts';
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { DiskQueue, MemoryQueue, type EventQueue } from './disk-queue';

export interface DeviceLinkOptions {
  url: string;
  deviceId: string;
  /** The broker account; default the device id (as the embedded broker requires). */
  username?: string;
  secret: string;
  /** PEM of the CA that must vouch for an mqtts:// broker's certificate (the venue CA); default the system's CAs. */
  ca?: string;
  fw?: string;
  /** Where unacknowledged events wait; default: in memory only (the simulator). */
  queueFile?: string;
  /** Heartbeat period; 0 turns heartbeats off. */
  heartbeatMs?: number;
  /** The device clock for heartbeats, µs since its boot. */
  clock?: () => number;
  log?: (line: string) => void;
}

type Pending = SensorEvent;
/** An event as a controller knows it; the link adds the contract version, boot id and sequence number. */
export type EventBody = SensorEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'v' | 'boot' | 'seq'>
    : never
  : never;

/**
 * One field device on MQTT as the contract wants it (docs/sensor-contract.md): a boot id per power-up, +1
 * sequence numbers, retained status with a Last Will, QoS 1 events sent oldest first and each kept
 * until the broker acknowledged it — on disk when a queue file is given.
 */
export class DeviceLink {
  private readonly client: MqttClient;
  private readonly queue: EventQueue<Pending>;
  private boot = randomBytes(6).toString('hex');
  private seq = 0;
  private sending = false;
  private heartbeat?: NodeJS.Timeout;
  private drainedWaiters: (() => void)[] = [];
  private readonly startedAt = performance.now();

  constructor(private readonly options: DeviceLinkOptions) {
    this.queue = options.queueFile
      ? new DiskQueue<Pending>(options.queueFile)
      : new MemoryQueue<Pending>();
    const status = mqttTopics.status(options.deviceId);
    this.client = mqtt.connect(options.url, {
      clientId: options.deviceId,
      username: options.username ?? options.deviceId,
      password: options.secret,
      ...(options.ca ? { ca: options.ca } : {}),
      keepalive: 3,
      reconnectPeriod: 1000,
      will: { topic: status, payload: Buffer.from('{"online":false}'), qos: 1, retain: true },
    });
    this.client.on('connect', () => {
      this.log(`connected to ${options.url}`);
      this.client.publish(
        status,
        JSON.stringify({ online: true, fw: options.fw ?? '1.0.0', boot: this.boot }),
        { qos: 1, retain: true },
      );
      void this.flush();
    });
    this.client.on('offline', () => this.log('broker unreachable; events wait in the queue'));
    this.client.on('error', (error) => this.log(`mqtt: ${error.message}`));
    if (options.heartbeatMs) {
      this.heartbeat = setInterval(
        () =>
          this.send({
            type: 'heartbeat',
            t: this.options.clock?.() ?? Math.round((performance.now() - this.startedAt) * 1000),
            battery: 100,
            rssi: 0,
          }),
        options.heartbeatMs,
      );
      this.heartbeat.unref();
    }
  }

  get bootId(): string {
    return this.boot;
  }

  get waiting(): number {
    return this.queue.size;
  }

  /** The controller reported a new power-up: sequence numbers start again under a new boot id. */
  rebooted(boot: string): void {
    if (boot === this.boot) return;
    this.boot = boot;
    this.seq = 0;
    if (this.client.connected) {
      this.client.publish(
        mqttTopics.status(this.options.deviceId),
        JSON.stringify({ online: true, fw: this.options.fw ?? '1.0.0', boot }),
        { qos: 1, retain: true },
      );
    }
  }

  /** Queues one event (boot and seq are added here) and sends what is waiting. */
  send(body: EventBody): SensorEvent {
    const event = { v: 1, boot: this.boot, seq: this.seq++, ...body } as SensorEvent;
    this.queue.push(event);
    void this.flush();
    return event;
  }

  /** Resolves once every queued event was acknowledged by the broker. */
  drained(): Promise<void> {
    if (this.waiting === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainedWaiters.push(resolve));
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await new Promise<void>((resolve) => this.client.end(false, {}, () => resolve()));
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.client.connected) {
        const next = this.queue.peek();
        if (!next) break;
        const ok = await new Promise<boolean>((resolve) =>
          this.client.publish(
            mqttTopics.event(this.options.deviceId),
            JSON.stringify(next),
            { qos: 1 },
            (error) => resolve(!error),
          ),
        );
        if (!ok) break;
        this.queue.shift();
      }
    } finally {
      this.sending = false;
    }
    if (this.waiting === 0) this.drainedWaiters.splice(0).forEach((resolve) => resolve());
  }

  private log(line: string): void {
    this.options.log?.(`[${this.options.deviceId}] ${line}`);
  }
}
