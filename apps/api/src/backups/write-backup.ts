import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  BACKUP_FORMAT,
  DATABASE_FILE,
  MANIFEST_FILE,
  type BackupManifest,
  type BackupManifestFile,
} from './backup-manifest';
import { packTar, type TarEntry } from './tar-archive';

/** The folder in DATA_DIR the server's own backups go to; never itself backed up. */
export const BACKUPS_FOLDER = 'backups';

export interface BackupRequest {
  dataDir: string;
  /** The archive to write (its folder is created); written whole or not at all. */
  outputFile: string;
  serverVersion: string;
  now?: Date;
}

/**
 * One consistent archive of a venue's data folder: the SQLite database through SQLite's online
 * backup API (in one step, so one read transaction sees one state while the server keeps
 * writing: WAL readers do not block the writer) plus every other file the folder holds (the venue
 * CA and key, the federation key), with a manifest of sizes and SHA-256 hashes.
 */
export async function writeBackup(request: BackupRequest): Promise<BackupManifest> {
  const databaseFile = path.join(request.dataDir, DATABASE_FILE);
  if (!fs.existsSync(databaseFile)) {
    throw new Error(`${request.dataDir} holds no ${DATABASE_FILE}: nothing to back up`);
  }
  const work = fs.mkdtempSync(path.join(scratchFolder(), 'olympiad-backup-'));
  try {
    const copy = path.join(work, DATABASE_FILE);
    const source = new Database(databaseFile, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      // Every page in one step: a copy made in several steps restarts whenever the server writes.
      await source.backup(copy, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const schema = readSchema(copy);
    const entries: TarEntry[] = [
      { path: DATABASE_FILE, mode: 0o600, data: fs.readFileSync(copy) },
      ...otherFiles(request.dataDir),
    ];
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: (request.now ?? new Date()).toISOString(),
      serverVersion: request.serverVersion,
      database: { kind: 'sqlite', file: DATABASE_FILE, ...schema },
      files: entries.map(describe),
    };
    const manifestEntry: TarEntry = {
      path: MANIFEST_FILE,
      mode: 0o644,
      data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    };
    const archive = gzipSync(packTar([manifestEntry, ...entries]));
    fs.mkdirSync(path.dirname(request.outputFile), { recursive: true, mode: 0o700 });
    const partial = `${request.outputFile}.${process.pid}.partial`;
    // The archive holds private keys: readable by the venue account only.
    fs.writeFileSync(partial, archive, { mode: 0o600 });
    fs.renameSync(partial, request.outputFile);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Where the working copy of the database goes: memory (/dev/shm) where there is one, so that
 * writing it does not hold up the server's own synced commits on the same disk.
 */
function scratchFolder(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

function readSchema(file: string): Pick<BackupManifest['database'], 'migration' | 'migrations'> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'")
      .get();
    if (!hasTable) return { migration: null, migrations: 0 };
    const newest = db
      .prepare('SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1')
      .get() as { name: string } | undefined;
    const { count } = db.prepare('SELECT COUNT(*) AS count FROM migrations').get() as {
      count: number;
    };
    return { migration: newest?.name ?? null, migrations: count };
  } finally {
    db.close();
  }
}

/** The data folder's files besides the live database and the backups themselves. */
function otherFiles(dataDir: string, relative = ''): TarEntry[] {
  const entries: TarEntry[] = [];
  for (const dirent of fs.readdirSync(path.join(dataDir, relative), { withFileTypes: true })) {
    const name = relative ? `${relative}/${dirent.name}` : dirent.name;
    if (!relative && (dirent.name === BACKUPS_FOLDER || dirent.name.startsWith(DATABASE_FILE))) {
      continue;
    }
    if (/\.(tmp|partial)$/.test(dirent.name)) continue;
    const full = path.join(dataDir, name);
    if (dirent.isDirectory()) entries.push(...otherFiles(dataDir, name));
    else if (dirent.isFile()) {
      entries.push({
        path: name,
        mode: fs.statSync(full).mode & 0o777,
        data: fs.readFileSync(full),
      });
    }
  }
  return entries;
}

function describe(entry: TarEntry): BackupManifestFile {
  return {
    path: entry.path,
    size: entry.data.length,
    sha256: createHash('sha256').update(entry.data).digest('hex'),
    mode: entry.mode,
  };
}
