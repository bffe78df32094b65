import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';

/**
 * A field device reduced to its wire behaviour, for tests that need to control every message:
 * its own boot id, sequence numbers and microsecond clock, published exactly as the contract says.
 */
export class RawDevice {
  readonly boot = randomBytes(6).toString('hex');
  private seq = 0;

  private constructor(
    readonly id: string,
    readonly client: MqttClient,
  ) {}

  static async connect(
    brokerUrl: string,
    id: string,
    secret: string,
    options: { will?: boolean; reconnect?: boolean; tls?: { ca?: string; servername?: string } } = {},
  ): Promise<RawDevice> {
    const client = mqtt.connect(brokerUrl, {
      // mqtts:// — the CA to verify the broker's certificate with, and the name to expect in it.
      ...options.tls,
      clientId: id,
      username: id,
      password: secret,
      // A reconnecting device keeps unacknowledged QoS 1 messages and sends them when back.
      reconnectPeriod: options.reconnect ? 300 : 0,
      keepalive: 2,
      ...(options.will ? { will: { topic: `olympiad/v1/dev/${id}/status`, payload: Buffer.from('{"online":false}'), qos: 1, retain: true } } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    return new RawDevice(id, client);
  }

  /** The next event of this boot; `t` is the device clock in µs. */
  gate(gate: string, t: number) {
    return { v: 1, boot: this.boot, seq: this.seq++, t, type: 'gate', gate };
  }

  button(t: number, button?: 'start' | 'stop' | 'ready') {
    return { v: 1, boot: this.boot, seq: this.seq++, t, type: 'button', ...(button ? { button } : {}) };
  }

  heartbeat(t: number, battery = 87, rssi = -61) {
    return { v: 1, boot: this.boot, seq: this.seq++, t, type: 'heartbeat', battery, rssi };
  }

  publish(payload: object | string, topic = `olympiad/v1/dev/${this.id}/event`): Promise<void> {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return new Promise((resolve, reject) => this.client.publish(topic, body, { qos: 1 }, (error) => (error ? reject(error) : resolve())));
  }

  status(online: boolean, fw = '1.0.0'): Promise<void> {
    return new Promise((resolve, reject) =>
      this.client.publish(
        `olympiad/v1/dev/${this.id}/status`,
        JSON.stringify({ online, fw, boot: this.boot }),
        { qos: 1, retain: true },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  }

  /** Drops the connection without a goodbye, so the broker sends the Last Will. */
  drop(): void {
    this.client.stream.destroy();
    this.client.end(true);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.client.end(false, {}, () => resolve()));
  }
}
