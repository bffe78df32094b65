import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

/**
 * An answer already in JSON: many joiners of one room get the same snapshot, so it is encoded
 * once and each ack only adds its packet header (docs/performance.md#memory-per-viewer). Anything
 * other than the live parser below that serialises it gets the same value back through `toJSON`.
 */
export class EncodedAnswer {
  readonly ok = true;

  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/**
 * Socket.IO's own encoder, except for an ack whose one argument is an `EncodedAnswer`: that
 * packet is written as the default encoder would write it, from the JSON already made.
 */
class LiveEncoder extends Encoder {
  override encode(packet: Packet): unknown[] {
    const data = packet.data as unknown[] | undefined;
    if (packet.type !== PacketType.ACK || data?.length !== 1 || !(data[0] instanceof EncodedAnswer))
      return super.encode(packet);
    const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
    return [`${PacketType.ACK}${nsp}${packet.id ?? ''}[${data[0].json}]`];
  }
}

/** Socket.IO's `parser` option: the live encoder, the default decoder. */
export const liveParser = { Encoder: LiveEncoder, Decoder };
