/** What a backup archive says about itself (manifest.json, its first entry; docs/operations.md). */
export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'olympiad.sqlite';
export const BACKUP_FORMAT = 'olympiad-venue-backup';

export interface BackupManifestFile {
  /** Relative to the data folder, `/`-separated. */
  path: string;
  size: number;
  sha256: string;
  /** Unix permission bits: the private keys come back readable by their owner only. */
  mode: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  createdAt: string;
  serverVersion: string;
  database: {
    kind: 'sqlite';
    file: typeof DATABASE_FILE;
    /** The newest migration the database has run: the schema version. */
    migration: string | null;
    migrations: number;
  };
  files: BackupManifestFile[];
}

/** The manifest's own shape, checked before anything in it is trusted; the problem, or null. */
export function manifestProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object') return 'it is not an object';
  const manifest = value as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT) return `its format is not ${BACKUP_FORMAT}`;
  if (manifest.formatVersion !== 1)
    return `format version ${String(manifest.formatVersion)} is not known here`;
  if (!Array.isArray(manifest.files)) return 'it lists no files';
  for (const file of manifest.files) {
    if (
      typeof file?.path !== 'string' ||
      typeof file.size !== 'number' ||
      typeof file.sha256 !== 'string' ||
      typeof file.mode !== 'number'
    ) {
      return 'a file in it has no path, size, sha256 or mode';
    }
    if (!isSafeRelativePath(file.path))
      return `"${file.path}" is not a path inside the data folder`;
  }
  if (!manifest.files.some((file) => file.path === DATABASE_FILE))
    return `it lists no ${DATABASE_FILE}`;
  return null;
}

export function isSafeRelativePath(candidate: string): boolean {
  if (!candidate || candidate.startsWith('/') || candidate.includes('\\')) return false;
  return candidate.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
