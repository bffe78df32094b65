import { Duplex } from 'node:stream';

/**
 * The largest MQTT packet the embedded broker reads. A device's packets are an event or status
 * (payload ≤ MQTT_MAX_PAYLOAD_BYTES, docs/sensor-contract.md) with its topic, or a CONNECT with a
 * Last Will; everything a device sends fits many times over. Aedes has no limit of its own and
 * would buffer a packet announcing 256 MB, so the guard closes the connection first.
 */
export const MAX_MQTT_PACKET_BYTES = 16 * 1024;

/**
 * Follows the MQTT framing of a byte stream (fixed header: a type byte, then the remaining length
 * as 1–4 bytes of 7 bits each, then that many bytes) without parsing the packets, and says when a
 * packet announces more than the limit or the length is not valid MQTT.
 */
export class MqttFrameMeter {
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private lengthBytes = 0;
  private bodyLeft = 0;

  constructor(private readonly limit: number) {}

  /** Takes the next bytes of the stream; false once a packet is too large or the framing broken. */
  accept(chunk: Uint8Array): boolean {
    let index = 0;
    while (index < chunk.length) {
      if (this.state === 'type') {
        index++;
        this.state = 'length';
        this.length = 0;
        this.lengthBytes = 0;
      } else if (this.state === 'length') {
        const byte = chunk[index++];
        this.length += (byte & 0x7f) * 128 ** this.lengthBytes;
        this.lengthBytes++;
        if (this.length > this.limit) return false;
        if (byte & 0x80) {
          if (this.lengthBytes === 4) return false;
          continue;
        }
        this.bodyLeft = this.length;
        this.state = this.bodyLeft > 0 ? 'body' : 'type';
      } else {
        const taken = Math.min(this.bodyLeft, chunk.length - index);
        index += taken;
        this.bodyLeft -= taken;
        if (this.bodyLeft === 0) this.state = 'type';
      }
    }
    return true;
  }
}

/**
 * The connection as the broker sees it: the same bytes both ways, except that a packet announcing
 * more than `limit` bytes ends the connection before the broker buffers it.
 */
export function guardPacketSize(
  connection: Duplex,
  limit: number,
  onRefused: (reason: string) => void,
): Duplex {
  const meter = new MqttFrameMeter(limit);
  const guarded: Duplex = new Duplex({
    read: () => void connection.resume(),
    write: (chunk: Buffer, _encoding, callback) => void connection.write(chunk, callback),
    final: (callback) => void connection.end(callback),
    destroy: (error, callback) => {
      connection.destroy();
      callback(error);
    },
  });
  connection.on('data', (chunk: Buffer) => {
    if (!meter.accept(chunk)) {
      onRefused(`a packet over ${limit} bytes`);
      guarded.destroy();
      return;
    }
    if (!guarded.push(chunk)) connection.pause();
  });
  connection.on('end', () => guarded.push(null));
  connection.on('error', (error) => guarded.destroy(error));
  connection.on('close', () => guarded.destroy());
  return guarded;
}
