import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskQueue } from './disk-queue';

describe('DiskQueue', () => {
  const file = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-queue-')), 'queue.jsonl');

  it('keeps events in order across a restart until each is acknowledged', () => {
    const where = file();
    const sut = new DiskQueue<{ seq: number }>(where);
    sut.push({ seq: 1 });
    sut.push({ seq: 2 });
    sut.push({ seq: 3 });
    sut.shift();
    const reopened = new DiskQueue<{ seq: number }>(where);
    expect(reopened.size).toBe(2);
    expect(reopened.peek()).toEqual({ seq: 2 });
    reopened.shift();
    reopened.shift();
    expect(new DiskQueue(where).size).toBe(0);
  });

  it('survives a line torn by a power cut', () => {
    const where = file();
    fs.writeFileSync(where, '{"seq":1}\n{"seq":2}\n{"se');
    const sut = new DiskQueue<{ seq: number }>(where);
    expect(sut.size).toBe(2);
    expect(sut.peek()).toEqual({ seq: 1 });
  });
});
