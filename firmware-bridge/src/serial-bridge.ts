import { ReadlineParser, SerialPort } from 'serialport';
import type { Readable } from 'node:stream';
import type { DeviceLink } from './device-link';
import { parseSerialLine } from './line-protocol';

/**
 * Turns the controller's lines into contract events. The controller's BOOT line (or the first
 * timestamp going backwards, which only a reset explains) starts a new boot id.
 */
export function bridgeLines(lines: Readable, link: DeviceLink, log: (line: string) => void): Promise<void> {
  let lastT = -1;
  return new Promise((resolve, reject) => {
    lines.on('data', (raw: string | Buffer) => {
      const parsed = parseSerialLine(raw.toString());
      if (!parsed.ok) return log(`skipped: ${parsed.error}`);
      const line = parsed.line;
      if (!line) return;
      if (line.kind === 'boot') {
        link.rebooted(line.boot);
        lastT = -1;
        return;
      }
      if (line.t < lastT) link.rebooted(`r${Date.now().toString(36)}`);
      lastT = line.t;
      switch (line.kind) {
        case 'gate':
          link.send({ type: 'gate', gate: line.gate, t: line.t });
          break;
        case 'button':
          link.send({ type: 'button', button: line.button, t: line.t });
          break;
        case 'heartbeat':
          link.send({ type: 'heartbeat', t: line.t, battery: line.battery, rssi: line.rssi });
          break;
        case 'fault':
          link.send({ type: 'fault', code: line.code, t: line.t });
          break;
      }
    });
    lines.once('end', resolve);
    lines.once('error', reject);
  });
}

export function openSerialLines(path: string, baudRate: number): Readable {
  const port = new SerialPort({ path, baudRate });
  return port.pipe(new ReadlineParser({ delimiter: '\n' }));
}
