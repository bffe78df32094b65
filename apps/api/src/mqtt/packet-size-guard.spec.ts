import { Duplex, PassThrough } from 'node:stream';
import { guardPacketSize, MqttFrameMeter } from './packet-size-guard';

/** An MQTT packet: type byte, remaining length (variable-length encoding), body. */
function packet(bodyLength: number): Buffer {
  const length: number[] = [];
  let rest = bodyLength;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    length.push(byte);
  } while (rest > 0);
  return Buffer.concat([Buffer.from([0x30, ...length]), Buffer.alloc(bodyLength, 7)]);
}

describe('MqttFrameMeter', () => {
  it('follows packets of every length encoding, however the stream is cut', () => {
    const stream = Buffer.concat([
      packet(0),
      packet(5),
      packet(127),
      packet(128),
      packet(16_000),
      packet(3),
    ]);
    for (const cut of [1, 2, 3, 7, 130, stream.length]) {
      const meter = new MqttFrameMeter(16_384);
      for (let at = 0; at < stream.length; at += cut)
        expect(meter.accept(stream.subarray(at, at + cut))).toBe(true);
    }
  });

  it('refuses a packet that announces more than the limit, before its body arrives', () => {
    const meter = new MqttFrameMeter(1_000);
    expect(meter.accept(packet(1_000))).toBe(true);
    expect(meter.accept(packet(1_001).subarray(0, 3))).toBe(false);
  });

  it('refuses a remaining length of more than four bytes, which MQTT does not have', () => {
    const meter = new MqttFrameMeter(Number.MAX_SAFE_INTEGER);
    expect(meter.accept(Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]))).toBe(false);
  });

  it('refuses the packet after the valid ones, not the stream from the start', () => {
    const meter = new MqttFrameMeter(100);
    expect(meter.accept(Buffer.concat([packet(10), packet(100)]))).toBe(true);
    expect(meter.accept(packet(50_000).subarray(0, 4))).toBe(false);
  });
});

describe('guardPacketSize', () => {
  function pair() {
    const fromClient = new PassThrough();
    const toClient = new PassThrough();
    const connection = Duplex.from({ readable: fromClient, writable: toClient });
    const refused: string[] = [];
    const guarded = guardPacketSize(connection, 100, (reason) => refused.push(reason));
    return { fromClient, toClient, guarded, refused };
  }

  it('passes bytes both ways unchanged', async () => {
    const { fromClient, toClient, guarded } = pair();
    const read = new Promise<Buffer>((resolve) => guarded.once('data', resolve));
    fromClient.write(packet(10));
    expect(await read).toEqual(packet(10));
    const written = new Promise<Buffer>((resolve) => toClient.once('data', resolve));
    guarded.write(Buffer.from([0x40, 0x02, 0x00, 0x01]));
    expect(await written).toEqual(Buffer.from([0x40, 0x02, 0x00, 0x01]));
  });

  it('ends the connection on a packet over the limit and says why', async () => {
    const { fromClient, guarded, refused } = pair();
    const closed = new Promise<void>((resolve) => guarded.once('close', () => resolve()));
    guarded.resume();
    fromClient.write(packet(101).subarray(0, 4));
    await closed;
    expect(refused).toEqual(['a packet over 100 bytes']);
  });
});
