import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { databaseFingerprint } from '../support/database-fingerprint';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

const ROOT = path.resolve(__dirname, '..', '..');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108020000009077' +
    '53de0000000c4944415408d763f8cfc000000301010018dd8db40000000049454e44ae426082',
  'hex',
);

interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run backup` / `npm run restore` as the organiser types them (the tool scripts, run by node). */
function tool(name: 'backup' | 'restore', args: string[]): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'tools', 'backup', `${name}.mjs`), ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The data folder's files besides the database and the backups, `/`-separated, sorted. */
function filesIn(dataDir: string, relative = ''): string[] {
  return fs
    .readdirSync(path.join(dataDir, relative), { withFileTypes: true })
    .flatMap((entry) => {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (!relative && (entry.name === 'backups' || entry.name.startsWith('olympiad.sqlite')))
        return [];
      return entry.isDirectory() ? filesIn(dataDir, name) : [name];
    })
    .sort();
}

const temporary = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

type LedgerRow = { id: string };

describe('backups that restore', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judge: string;
  let logoUrl: string;
  const archives = temporary('olympiad-archives-');
  const venues: Venue[] = [];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ledger = async (on: Venue, token: string): Promise<LedgerRow[]> =>
    (
      await request(on.url)
        .get(`/api/categories/${stage.categoryId}/ledger`)
        .set(auth(token))
        .expect(200)
    ).body;
  const verify = async (on: Venue, token: string) =>
    (
      await request(on.url)
        .get(`/api/categories/${stage.categoryId}/standings/verify`)
        .set(auth(token))
        .expect(200)
    ).body as { matches: boolean; live: unknown; rebuilt: unknown };
  const restore = async (archive: string) => {
    const dataDir = path.join(temporary('olympiad-restored-'), 'data');
    const restored = await tool('restore', [archive, '--data-dir', dataDir]);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toContain(`Restored ${archive} into ${dataDir}`);
    return dataDir;
  };
  const restoreAndStart = async (archive: string) => {
    const dataDir = await restore(archive);
    const started = await startVenue({ dataDir, env: { BACKUP_EVERY_MINUTES: '0' } });
    venues.push(started);
    return started;
  };

  beforeAll(async () => {
    venue = await startVenue({ env: { BACKUP_EVERY_MINUTES: '0' } });
    venues.push(venue);
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 150 });
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    logoUrl = (
      await request(venue.url)
        .post(`/api/olympiads/${stage.olympiadId}/logo`)
        .set(auth(organiser))
        .send({ data: PNG.toString('base64') })
        .expect(200)
    ).body.logoUrl;
  });
  afterAll(async () => {
    await Promise.all(venues.map((each) => each.stop()));
  });

  it('a backup taken while 50 entries a second stream in holds every entry acknowledged before it started', async () => {
    const acknowledged = new Set<string>();
    // Each acknowledgement's latency, and whether the backup was running when the entry was sent.
    const latencies: { ms: number; duringBackup: boolean }[] = [];
    const sent: Promise<void>[] = [];
    let next = 0;
    let backingUp = false;
    const send = () => {
      // Two attempts a team: the maze rules allow no more.
      if (next >= stage.teamIds.length * 2) return;
      const duringBackup = backingUp;
      const team = stage.teamIds[next % stage.teamIds.length];
      const attempt = 1 + Math.floor(next / stage.teamIds.length);
      next += 1;
      const entry = mazeAttempt(stage, team, attempt, 40_000 + next * 10);
      const start = process.hrtime.bigint();
      sent.push(
        request(venue.url)
          .post('/api/ledger')
          .set(auth(judge))
          .send(entry)
          .then((response) => {
            expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
            latencies.push({ ms: Number(process.hrtime.bigint() - start) / 1e6, duringBackup });
            acknowledged.add(entry.id);
          }),
      );
    };
    const stream = setInterval(send, 20);
    try {
      // A couple of seconds of entries before, then the backup while they keep coming.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const beforeBackup = new Set(acknowledged);
      const archive = path.join(archives, 'streaming.tar.gz');
      backingUp = true;
      const backup = await tool('backup', ['--data-dir', venue.dataDir, '--out', archive]);
      backingUp = false;
      expect(backup).toMatchObject({ code: 0, stderr: '' });
      expect(backup.stdout).toContain(`Backup written: ${archive}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      clearInterval(stream);
      await Promise.all(sent);
      const figures = (during: boolean) => {
        const sorted = latencies
          .filter((each) => each.duringBackup === during)
          .map((each) => each.ms)
          .sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
        return `${sorted.length} entries, median ${median.toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms`;
      };
      console.log(
        `Entry acknowledgements while the backup ran: ${figures(true)}; otherwise: ${figures(false)}`,
      );

      const restored = await restoreAndStart(archive);
      const restoredOrganiser = await organiserToken(restored);
      const original = new Map((await ledger(venue, organiser)).map((row) => [row.id, row]));
      const copy = await ledger(restored, restoredOrganiser);
      const copyIds = new Set(copy.map((row) => row.id));
      expect([...beforeBackup].filter((id) => !copyIds.has(id))).toEqual([]);
      expect(copy.length).toBeGreaterThan(beforeBackup.size);
      for (const row of copy) expect(row).toEqual(original.get(row.id));
      expect((await verify(restored, restoredOrganiser)).matches).toBe(true);
      const logo = await request(restored.url).get(logoUrl).buffer(true).expect(200);
      expect(Buffer.compare(logo.body as Buffer, PNG)).toBe(0);
    } finally {
      clearInterval(stream);
      await Promise.allSettled(sent);
    }
  });

  it('a restored venue equals the original: every table, the venue CA and keys, ledger and standings', async () => {
    const archive = path.join(archives, 'quiet.tar.gz');
    expect((await tool('backup', ['--data-dir', venue.dataDir, '--out', archive])).code).toBe(0);
    const dataDir = await restore(archive);
    // Compared before either server runs again: a sign-in on one would be a difference.
    await venue.stop();
    const [a, b] = [await databaseFingerprint(venue), await databaseFingerprint({ dataDir })];
    try {
      expect(await b.tables()).toEqual(await a.tables());
    } finally {
      await a.close();
      await b.close();
    }
    const files = filesIn(venue.dataDir);
    expect(files).toEqual(expect.arrayContaining(['tls/ca.crt', 'tls/ca-key.pem']));
    expect(filesIn(dataDir)).toEqual(files);
    for (const file of files) {
      expect(fs.readFileSync(path.join(dataDir, file))).toEqual(
        fs.readFileSync(path.join(venue.dataDir, file)),
      );
      expect({ file, mode: fs.statSync(path.join(dataDir, file)).mode & 0o777 }).toEqual({
        file,
        mode: fs.statSync(path.join(venue.dataDir, file)).mode & 0o777,
      });
    }

    venue = await startVenue({ dataDir: venue.dataDir, env: { BACKUP_EVERY_MINUTES: '0' } });
    venues.push(venue);
    organiser = await organiserToken(venue);
    const restored = await startVenue({ dataDir, env: { BACKUP_EVERY_MINUTES: '0' } });
    venues.push(restored);
    const restoredOrganiser = await organiserToken(restored);
    expect(await ledger(restored, restoredOrganiser)).toEqual(await ledger(venue, organiser));
    const [live, copy] = [
      await verify(venue, organiser),
      await verify(restored, restoredOrganiser),
    ];
    expect(copy).toEqual(live);
    expect(copy.matches).toBe(true);
  });

  it('refuses a damaged archive and says what is wrong, leaving the folder empty', async () => {
    const archive = path.join(archives, 'quiet.tar.gz');
    const good = fs.readFileSync(archive);
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    const tar = gunzipSync(good);
    // A byte of the database changed before compression: gzip checks out, the manifest's hash does not.
    const databaseByte = tar.indexOf(Buffer.from('SQLite format 3')) + 4096;
    tar[databaseByte] ^= 0x01;
    const cases: [string, Buffer, RegExp][] = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2)), /is damaged: it is cut short/],
      ['flipped', flipped, /is damaged/],
      ['tampered', gzipSync(tar), /olympiad\.sqlite does not match its SHA-256 in the manifest/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(archives, `${name}.tar.gz`);
      fs.writeFileSync(file, bytes);
      const dataDir = path.join(temporary('olympiad-refused-'), 'data');
      const refused = await tool('restore', [file, '--data-dir', dataDir]);
      expect({ name, code: refused.code }).toEqual({ name, code: 1 });
      expect(refused.stderr).toMatch(/^Restore refused: /);
      expect(refused.stderr).toMatch(message);
      expect(fs.existsSync(dataDir)).toBe(false);
      expect(fs.readdirSync(path.dirname(dataDir))).toEqual([]);
    }
  });

  it('refuses to restore onto the folder of a running venue and changes nothing there', async () => {
    const before = await databaseFingerprint(venue);
    try {
      const tables = await before.tables();
      const refused = await tool('restore', [
        path.join(archives, 'quiet.tar.gz'),
        '--data-dir',
        venue.dataDir,
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        `Restore refused: ${venue.dataDir} holds a database (olympiad.sqlite)`,
      );
      expect(await before.tables()).toEqual(tables);
      expect((await verify(venue, organiser)).matches).toBe(true);
    } finally {
      await before.close();
    }
  });

  it('the server makes its own backups into DATA_DIR/backups and keeps the newest BACKUP_KEEP', async () => {
    const dataDir = temporary('olympiad-periodic-');
    const folder = path.join(dataDir, 'backups');
    fs.mkdirSync(folder);
    // One made by hand (npm run backup) is never pruned.
    fs.copyFileSync(
      path.join(archives, 'quiet.tar.gz'),
      path.join(folder, 'olympiad-backup-2026-01-01T00-00-00Z.tar.gz'),
    );
    const periodic = await startVenue({
      dataDir,
      env: { BACKUP_EVERY_MINUTES: '0.02', BACKUP_KEEP: '2' },
    });
    venues.push(periodic);
    const removals = () => (periodic.output().match(/removed the oldest/g) ?? []).length;
    while (removals() < 2) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const names = fs.readdirSync(folder).sort();
    expect(names.filter((name) => name.endsWith('-auto.tar.gz'))).toHaveLength(2);
    expect(names).toContain('olympiad-backup-2026-01-01T00-00-00Z.tar.gz');
    expect(names.filter((name) => !name.endsWith('.tar.gz'))).toEqual([]);
    const newest = names.filter((name) => name.endsWith('-auto.tar.gz')).pop() as string;
    const copy = path.join(archives, newest);
    fs.copyFileSync(path.join(folder, newest), copy);
    await periodic.stop();
    const restored = await restoreAndStart(copy);
    await organiserToken(restored);
  });
});
