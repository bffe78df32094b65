import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupManifest } from './backup-manifest';
import type { BackupRequest } from './write-backup';

type WorkerAnswer = { ok: true; manifest: BackupManifest } | { ok: false; message: string };

/** writeBackup in a worker thread (backup-worker.js beside this file in the build). */
export function backupInWorker(request: BackupRequest): Promise<BackupManifest> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'backup-worker.js'), { workerData: request });
    let answered = false;
    worker.once('message', (answer: WorkerAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.manifest);
      else reject(new Error(answer.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the backup worker stopped (exit code ${code})`));
    });
  });
}
