import * as fs from 'node:fs';
import * as path from 'node:path';

/** libfaketime as Debian's `faketime` package installs it (tools/test-setup/required-packages.js). */
export function libfaketime(): string {
  const lib = fs
    .readdirSync('/usr/lib')
    .map((dir) => path.join('/usr/lib', dir, 'faketime', 'libfaketime.so.1'))
    .find((file) => fs.existsSync(file));
  if (!lib) throw new Error('libfaketime is missing: apt-get install faketime');
  return lib;
}

/**
 * A server's wall clock under a test's control: libfaketime reads the offset from `file` at every
 * call (no cache), so `jump('+1h')` moves the running server's wall clock at once. The monotonic
 * clock (timers, time-outs) stays real, as it does when a venue laptop's clock is corrected.
 */
export class WallClock {
  constructor(readonly file: string) {
    fs.writeFileSync(file, '+0\n');
  }

  /** The environment that puts a server process under this clock. */
  env(): Record<string, string> {
    return {
      LD_PRELOAD: libfaketime(),
      FAKETIME_TIMESTAMP_FILE: this.file,
      FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    };
  }

  /** An offset from the real time as libfaketime writes it: `+1h`, `-30m`, `+0`. */
  jump(offset: string): void {
    fs.writeFileSync(this.file, `${offset}\n`);
  }

  remove(): void {
    fs.rmSync(this.file, { force: true });
  }
}
