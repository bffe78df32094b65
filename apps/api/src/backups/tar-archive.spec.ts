import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packTar, TarFormatError, unpackTar } from './tar-archive';

describe('the backup tar format', () => {
  const entries = [
    { path: 'manifest.json', mode: 0o644, data: Buffer.from('{"a":1}\n') },
    { path: 'tls/ca-key.pem', mode: 0o600, data: Buffer.alloc(1500, 7) },
    { path: 'empty', mode: 0o644, data: Buffer.alloc(0) },
  ];

  it('reads back what it wrote: paths, permissions and bytes', () => {
    expect(unpackTar(packTar(entries))).toEqual(entries);
  });

  it('is a tar the system tar reads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-archive-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.tar'), packTar(entries));
      execFileSync('tar', ['-xf', 'a.tar'], { cwd: dir });
      expect(fs.readFileSync(path.join(dir, 'tls', 'ca-key.pem'))).toEqual(entries[1].data);
      expect(fs.statSync(path.join(dir, 'tls', 'ca-key.pem')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a damaged header and an archive cut short, naming the entry', () => {
    const tar = packTar(entries);
    const damaged = Buffer.from(tar);
    damaged[512 + 512 + 101] ^= 0x01; // the second header's permission bits
    expect(() => unpackTar(damaged)).toThrow(TarFormatError);
    expect(() => unpackTar(damaged)).toThrow(/the header of "tls\/ca-key\.pem" is damaged/);
    expect(() => unpackTar(tar.subarray(0, 1024 + 700))).toThrow(/"tls\/ca-key\.pem" is cut short/);
    expect(() => unpackTar(tar.subarray(0, tar.length - 1024))).toThrow(/before its end marker/);
  });
});
