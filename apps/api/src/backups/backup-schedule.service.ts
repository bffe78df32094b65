import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import * as path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { backupFileName, pruneAutomaticBackups } from './backup-files';
import { backupInWorker } from './backup-in-worker';
import { serverVersion } from './server-version';
import { BACKUPS_FOLDER } from './write-backup';

/**
 * A backup of the SQLite venue every BACKUP_EVERY_MINUTES into DATA_DIR/backups, the newest
 * BACKUP_KEEP kept (docs/operations.md). It runs in a worker thread on its own connection, so
 * scoring goes on while it copies.
 */
@Injectable()
export class BackupScheduleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Backups');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    if (this.config.database.kind !== 'sqlite') {
      this.logger.log(
        'Periodic backups are for SQLite only; back up PostgreSQL with pg_dump (docs/operations.md)',
      );
      return;
    }
    const { everyMs, keep } = this.config.backups;
    if (everyMs === 0) return;
    this.logger.log(
      `A backup every ${everyMs / 60_000} min into ${this.folder()}, the newest ${keep} kept`,
    );
    this.timer = setInterval(() => {
      this.running ??= this.backUp().finally(() => (this.running = undefined));
    }, everyMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private folder(): string {
    return path.join(this.config.dataDir, BACKUPS_FOLDER);
  }

  private async backUp(): Promise<void> {
    const now = new Date();
    const started = performance.now();
    const file = path.join(this.folder(), backupFileName(now, true));
    try {
      const manifest = await backupInWorker({
        dataDir: this.config.dataDir,
        outputFile: file,
        serverVersion: serverVersion(),
        now,
      });
      const removed = pruneAutomaticBackups(this.folder(), this.config.backups.keep);
      const size = manifest.files.reduce((sum, entry) => sum + entry.size, 0);
      this.logger.log(
        `Backup written: ${file} (${manifest.files.length} files, ${size} bytes before compression, ` +
          `${Math.round(performance.now() - started)} ms)` +
          (removed.length ? `; removed the oldest: ${removed.join(', ')}` : ''),
      );
    } catch (error) {
      this.logger.error(`The backup to ${file} failed: ${(error as Error).message}`);
    }
  }
}
