/**
 * The few bytes of POSIX tar (ustar) a backup needs: regular files with short relative paths,
 * written and read whole. Any `tar` reads what this writes (`tar -tzf` lists an archive), and the
 * server needs no archive package for it (docs/operations.md).
 */
const BLOCK = 512;

export interface TarEntry {
  path: string;
  mode: number;
  data: Buffer;
}

export class TarFormatError extends Error {}

export function packTar(entries: TarEntry[], mtime = new Date()): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry, mtime), entry.data);
    const padding = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (padding) parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

export function unpackTar(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const block = archive.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) return entries;
    const name = text(block, 0, 100);
    if (octal(block, 148, 8) !== checksum(block)) {
      throw new TarFormatError(`the header of ${name ? `"${name}"` : 'an entry'} is damaged`);
    }
    const size = octal(block, 124, 12);
    const type = String.fromCharCode(block[156] || 0x30);
    const prefix = text(block, 345, 155);
    const entryPath = prefix ? `${prefix}/${name}` : name;
    const start = offset + BLOCK;
    if (start + size > archive.length) throw new TarFormatError(`"${entryPath}" is cut short`);
    if (type !== '0') throw new TarFormatError(`"${entryPath}" is not a regular file`);
    entries.push({
      path: entryPath,
      mode: octal(block, 100, 8),
      data: Buffer.from(archive.subarray(start, start + size)),
    });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new TarFormatError('it ends before its end marker (cut short)');
}

function header(entry: TarEntry, mtime: Date): Buffer {
  const name = Buffer.from(entry.path, 'utf8');
  if (name.length > 100) throw new TarFormatError(`"${entry.path}" is longer than 100 bytes`);
  const block = Buffer.alloc(BLOCK);
  name.copy(block, 0);
  writeOctal(block, 100, 8, entry.mode & 0o7777);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, entry.data.length);
  writeOctal(block, 136, 12, Math.floor(mtime.getTime() / 1000));
  block.fill(0x20, 148, 156);
  block[156] = 0x30;
  block.write('ustar\u000000', 257, 'latin1');
  writeOctal(block, 148, 8, checksum(block));
  return block;
}

/** The header's byte sum with its own checksum field counted as spaces. */
function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return sum;
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'latin1');
}

function octal(block: Buffer, offset: number, length: number): number {
  const digits = text(block, offset, length).trim();
  if (!/^[0-7]*$/.test(digits)) return Number.NaN;
  return digits ? parseInt(digits, 8) : 0;
}

function text(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}
