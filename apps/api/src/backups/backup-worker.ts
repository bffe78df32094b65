import { parentPort, workerData } from 'node:worker_threads';
import { writeBackup, type BackupRequest } from './write-backup';

/** Runs one backup off the server's main thread: reading, hashing and compressing never stall a request. */
writeBackup(workerData as BackupRequest).then(
  (manifest) => parentPort?.postMessage({ ok: true, manifest }),
  (error: Error) => parentPort?.postMessage({ ok: false, message: error.message }),
);
