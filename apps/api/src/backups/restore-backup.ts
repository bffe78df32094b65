import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  DATABASE_FILE,
  MANIFEST_FILE,
  manifestProblem,
  type BackupManifest,
} from './backup-manifest';
import { TarFormatError, unpackTar, type TarEntry } from './tar-archive';

/** A restore that was refused; `message` says what is wrong, for the person at the laptop. */
export class RestoreRefused extends Error {}

/**
 * Checks an archive whole (gzip, tar headers, manifest, every file's size and SHA-256) and returns
 * its manifest and files; refuses with what is wrong.
 */
export function readBackup(archiveFile: string): { manifest: BackupManifest; entries: TarEntry[] } {
  if (!fs.existsSync(archiveFile)) throw new RestoreRefused(`${archiveFile} does not exist`);
  let tar: Buffer;
  try {
    tar = gunzipSync(fs.readFileSync(archiveFile));
  } catch (error) {
    const reason = (error as Error).message;
    throw new RestoreRefused(
      /unexpected end/i.test(reason)
        ? `${archiveFile} is damaged: it is cut short (truncated)`
        : `${archiveFile} is damaged: its compressed data does not check out (${reason})`,
    );
  }
  let entries: TarEntry[];
  try {
    entries = unpackTar(tar);
  } catch (error) {
    if (!(error instanceof TarFormatError)) throw error;
    throw new RestoreRefused(`${archiveFile} is damaged: ${error.message}`);
  }
  const manifestEntry = entries.find((entry) => entry.path === MANIFEST_FILE);
  if (!manifestEntry)
    throw new RestoreRefused(`${archiveFile} has no ${MANIFEST_FILE}: not a venue backup`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestEntry.data.toString('utf8'));
  } catch {
    throw new RestoreRefused(`${archiveFile}: ${MANIFEST_FILE} is not readable JSON`);
  }
  const problem = manifestProblem(manifest);
  if (problem)
    throw new RestoreRefused(`${archiveFile}: ${MANIFEST_FILE} is not valid: ${problem}`);
  const valid = manifest as BackupManifest;
  const files = entries.filter((entry) => entry.path !== MANIFEST_FILE);
  for (const listed of valid.files) {
    const entry = files.find((candidate) => candidate.path === listed.path);
    if (!entry)
      throw new RestoreRefused(`${archiveFile}: ${listed.path} is missing from the archive`);
    if (entry.data.length !== listed.size) {
      throw new RestoreRefused(
        `${archiveFile}: ${listed.path} is ${entry.data.length} bytes, the manifest says ${listed.size}`,
      );
    }
    if (createHash('sha256').update(entry.data).digest('hex') !== listed.sha256) {
      throw new RestoreRefused(
        `${archiveFile}: ${listed.path} does not match its SHA-256 in the manifest`,
      );
    }
  }
  const unlisted = files.find((entry) => !valid.files.some((listed) => listed.path === entry.path));
  if (unlisted) throw new RestoreRefused(`${archiveFile}: ${unlisted.path} is not in the manifest`);
  return { manifest: valid, entries: files };
}

/**
 * Restores a checked archive into `dataDir`, which must be empty or absent: a folder that holds a
 * database (a venue that runs, or ran, on it) is never overwritten. The files go to a folder
 * beside it first and the database passes SQLite's integrity check before the folder takes its
 * name, so a refused restore leaves nothing behind.
 */
export function restoreBackup(archiveFile: string, dataDir: string): BackupManifest {
  const target = path.resolve(dataDir);
  refuseUnlessEmpty(target);
  const { manifest, entries } = readBackup(archiveFile);
  const staging = `${target}.restoring-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    for (const entry of entries) {
      const file = path.join(staging, ...entry.path.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, entry.data, { mode: entry.mode });
      fs.chmodSync(file, entry.mode);
    }
    checkIntegrity(path.join(staging, DATABASE_FILE));
    refuseUnlessEmpty(target);
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(staging, target);
    return manifest;
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function refuseUnlessEmpty(target: string): void {
  if (!fs.existsSync(target)) return;
  if (!fs.statSync(target).isDirectory())
    throw new RestoreRefused(`${target} is a file, not a data folder`);
  const held = fs.readdirSync(target);
  if (held.some((name) => name.startsWith(DATABASE_FILE))) {
    throw new RestoreRefused(
      `${target} holds a database (${DATABASE_FILE}): a venue runs or ran on it, and a restore never overwrites one. ` +
        'Restore into a new folder (--data-dir) or stop the server and move this folder away first.',
    );
  }
  if (held.length > 0) {
    throw new RestoreRefused(
      `${target} is not empty (${held.slice(0, 5).join(', ')}): restore into an empty or new folder`,
    );
  }
}

function checkIntegrity(file: string): void {
  // Read-write: a WAL database opened read-only needs a -shm file that a fresh copy lacks.
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (problems.length) {
      throw new RestoreRefused(
        `the database in the archive fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`,
      );
    }
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(
      `the database in the archive cannot be opened: ${(error as Error).message}`,
    );
  } finally {
    db?.close();
  }
}
