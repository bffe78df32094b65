import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Why a tmpfs cannot be mounted here, or null when it can. */
export function smallDiskUnavailable(): string | null {
  return process.getuid?.() === 0
    ? null
    : 'a tmpfs data folder needs root (CI runs the tests as root)';
}

/** Whether a missing tmpfs fails the tests (CI, as with network namespaces) or leaves the disk out. */
export const smallDiskRequired = process.env.TEST_NETNS_REQUIRED === '1' || !!process.env.CI;

/**
 * A data folder on a small tmpfs of its own (needs root, as CI runs the tests), to fill the disk
 * under a running server: `fill()` writes a ballast file until the file system refuses more,
 * `free()` removes it. The folder outlives server restarts until `remove()`.
 */
export class SmallDisk {
  private constructor(
    readonly dir: string,
    private readonly mounted: boolean,
  ) {}

  static mount(sizeMb: number): SmallDisk {
    const unavailable = smallDiskUnavailable();
    if (unavailable) throw new Error(unavailable);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-small-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir]);
    return new SmallDisk(dir, true);
  }

  /** An ordinary folder, for a day that leaves the full disk out (no root); it cannot be filled. */
  static plain(): SmallDisk {
    return new SmallDisk(fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-soak-')), false);
  }

  private get ballast() {
    return path.join(this.dir, 'ballast.bin');
  }

  /** Fills the file system to its last byte; returns how many bytes the ballast took. */
  fill(): number {
    if (!this.mounted) throw new Error('only a mounted small disk can be filled');
    const chunk = Buffer.alloc(64 * 1024, 0xa5);
    const fd = fs.openSync(this.ballast, 'a');
    let written = 0;
    try {
      for (;;) {
        try {
          written += fs.writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          // The last partial block: write byte by byte until not one more fits.
          try {
            for (;;) written += fs.writeSync(fd, chunk.subarray(0, 1));
          } catch {
            return written;
          }
        }
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  free(): void {
    fs.rmSync(this.ballast, { force: true });
  }

  remove(): void {
    try {
      if (this.mounted) execFileSync('umount', ['-l', this.dir]);
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
