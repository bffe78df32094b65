import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Events waiting for the broker's acknowledgement, kept in a file so neither a broker outage nor
 * a bridge restart loses one. Appends are synced to disk; the file is rewritten (atomically) as
 * events are acknowledged. Order is kept: the oldest event is always sent first.
 */
export interface EventQueue<T> {
  readonly size: number;
  peek(): T | undefined;
  push(item: T): void;
  shift(): void;
}

/** For simulated devices: the same queue, in memory only. */
export class MemoryQueue<T> implements EventQueue<T> {
  private readonly items: T[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    this.items.push(item);
  }
  shift(): void {
    this.items.shift();
  }
}

export class DiskQueue<T> implements EventQueue<T> {
  private items: T[];

  constructor(private readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.items = fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .flatMap((line) => {
            try {
              return [JSON.parse(line) as T];
            } catch {
              return []; // a line torn by a power cut: everything before it is intact
            }
          })
      : [];
  }

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const fd = fs.openSync(this.file, 'a');
    try {
      fs.writeSync(fd, `${JSON.stringify(item)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.items.push(item);
  }

  /** The oldest event was acknowledged. */
  shift(): void {
    this.items.shift();
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, this.items.map((item) => `${JSON.stringify(item)}\n`).join(''));
    fs.renameSync(temporary, this.file);
  }
}
