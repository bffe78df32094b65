import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';

/**
 * A field's light-gate controller as the firmware behaves (docs/sensor-contract.md): its own credentials,
 * QoS 1 events on its own topic, a boot id per power-up, seq +1 per event, device microseconds.
 */
export class SimulatedGate {
  private seq = 0;
  private readonly boot = randomBytes(6).toString('hex');
  private clockUs = 1_000_000;

  private constructor(
    private readonly client: MqttClient,
    private readonly deviceId: string,
  ) {}

  static async connect(url: string, deviceId: string, secret: string): Promise<SimulatedGate> {
    const client = await mqtt.connectAsync(url, { clientId: deviceId, username: deviceId, password: secret, reconnectPeriod: 0 });
    const gate = new SimulatedGate(client, deviceId);
    await client.publishAsync(`olympiad/v1/dev/${deviceId}/status`, JSON.stringify({ online: true, fw: '1.0.0', boot: gate.boot }), { qos: 1, retain: true });
    return gate;
  }

  /** A gate event `afterUs` device microseconds after the previous one. */
  gate(gate: 'start' | 'finish', afterUs = 0): Promise<void> {
    return this.event(afterUs, { type: 'gate', gate });
  }

  /** A heartbeat: the controller is alive (the server shows one silent for a few seconds as offline). */
  heartbeat(afterUs = 0): Promise<void> {
    return this.event(afterUs, { type: 'heartbeat', battery: 90, rssi: -55 });
  }

  /** A press of the controller's button (a sumo ring's start or stop). */
  press(button: 'start' | 'stop', afterUs = 0): Promise<void> {
    return this.event(afterUs, { type: 'button', button });
  }

  private async event(afterUs: number, body: object): Promise<void> {
    this.clockUs += afterUs;
    this.seq += 1;
    const event = { v: 1, boot: this.boot, seq: this.seq, t: this.clockUs, ...body };
    await this.client.publishAsync(`olympiad/v1/dev/${this.deviceId}/event`, JSON.stringify(event), { qos: 1 });
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
