/**
 * The chaos day (docs/reliability.md#the-chaos-day): a regional day played at high speed against
 * the real built server, with faults on a seeded schedule, and the invariants checked at the end.
 * `runChaosDay` returns the figures and every broken invariant as a sentence; the spec asserts
 * there are none, `npm run soak` prints them.
 */
import { randomUUID } from 'node:crypto';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { LedgerEntry, StandingsSnapshot, StandingsVerification } from '@olympiad/contracts';
import { sumoTournamentOf, type LedgerRecord, type SumoRuleSet } from '@olympiad/scoring';
import { addSensorField } from '../support/field-fixture';
import { freePort, Mosquitto } from '../support/mosquitto';
import { createRegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import type { RawDevice } from '../support/raw-device';
import { organiserToken } from '../support/venue-api';
import type { DayClientsConfig, DayClientsStatus } from './day-clients';
import { DayHttp, signInJudgeFrom, type ServerError } from './day-http';
import { planDay, type DayPlan, type DayScale, type PlannedFault } from './day-plan';
import { playTable, type RunOutcome } from './sensor-table';
import { allMatches, playRing, type MatchOutcome, type SumoTournament } from './sumo-ring';
import { DayPostgres } from './day-postgres';
import { SmallDisk } from './small-disk';
import { WallClock } from './wall-clock';

const ROOT = path.resolve(__dirname, '..', '..');
const TABLET_CATEGORY = 'Лабиринт 3–4';
const TABLE_CATEGORY = 'Лабиринт 5–6';
const SUMO_CATEGORY = 'Сумо 3–4';
/** The registration file imported mid-day registers its teams here (grades 1–2). */
const IMPORT_CATEGORY = 'Лабиринт 1–2';
/** Where the devices' events go: the server's embedded broker, or an external Mosquitto. */
export type DayBroker = 'embedded' | 'mosquitto';
/** Where the server stores: its own SQLite file, or a PostgreSQL cluster the day owns. */
export type DayDatabase = 'sqlite' | 'postgres';
const MOSQUITTO_USER = 'olympiad-api';
const MOSQUITTO_PASSWORD = randomUUID();
/** After a restart, requests may still meet a server that is not ready: part of the fault. */
const FAULT_GRACE_MS = 5_000;
const SETTLE_LIMIT_MS = 90_000;

export interface DayFigures {
  seed: number;
  scale: DayScale;
  wallSeconds: number;
  tabletEntries: number;
  tabletAcknowledged: number;
  tabletPosts: number;
  corrections: number;
  sensorRuns: number;
  sumoMatches: number;
  sumoTimed: number;
  creativeSheets: number;
  programmingScores: number;
  imported: number;
  sensorTimed: number;
  sensorManual: number;
  confirmations: number;
  headConfirmations: number;
  faults: Record<string, number>;
  lost: number;
  doubled: number;
  serverErrors: number;
  serverErrorsOutsideFaults: number;
  /** Unhandled errors, fatal lines or stack overflows in the server's log. */
  crashes: number;
  viewers: number;
  viewersBehind: number;
  standingsMismatches: number;
}

export interface DayResult {
  figures: DayFigures;
  /** Every broken invariant, as a sentence; empty on a good day. */
  failures: string[];
  timeline: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The day's clients (tablets, viewers) as a child process of their own, bundled with rolldown. */
class DayClients {
  private readonly waiters: Array<(status: DayClientsStatus) => void> = [];
  private output = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(config: DayClientsConfig): Promise<DayClients> {
    const bundle = path.join(ROOT, 'dist', 'tests', `soak-day-clients-${process.pid}.cjs`);
    const built = spawnSync('npx', ['rolldown', '-c', 'tests/soak/day-clients.rolldown.mjs'], {
      cwd: ROOT,
      env: { ...process.env, SOAK_CLIENTS_BUNDLE: bundle },
      encoding: 'utf8',
    });
    if (built.status !== 0)
      throw new Error(`Bundling the day's clients failed:\n${built.stdout}${built.stderr}`);
    const configFile = path.join(os.tmpdir(), `soak-day-clients-${process.pid}.json`);
    fs.writeFileSync(configFile, JSON.stringify(config));
    const child = spawn(process.execPath, ['--max-old-space-size=2048', bundle], {
      cwd: ROOT,
      // In a file: the long day's plan is larger than one environment variable may be.
      env: { PATH: process.env.PATH ?? '', SOAK_CLIENTS_CONFIG: configFile },
    });
    const clients = new DayClients(child);
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) =>
        reject(new Error(`The day's clients exited with code ${code}:\n${clients.output}`)),
      );
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as { kind: string };
        if (message.kind === 'started') resolve();
        if (message.kind === 'status') clients.waiters.shift()?.(message as DayClientsStatus);
      });
    });
    fs.rmSync(bundle, { force: true });
    fs.rmSync(configFile, { force: true });
    return clients;
  }

  status(): Promise<DayClientsStatus> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null)
        return reject(new Error(`The day's clients exited:\n${this.output}`));
      this.waiters.push(resolve);
      this.child.stdin.write('status\n');
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.write('exit\n');
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(kill);
  }
}

/**
 * The server through the day: the same data folder and ports at every restart, and its wall clock
 * under the test's control (libfaketime, see WallClock).
 */
class DayServer {
  readonly lives: Venue[] = [];
  readonly faultWindows: Array<{ from: number; to: number; kind: string }> = [];
  private readonly clock: WallClock;
  private clockForwardSince: number | null = null;
  private diskFullSince: number | null = null;
  readonly dataDir: string;

  private constructor(
    private readonly port: number,
    private readonly mqttPort: number,
    /** The data folder on a small tmpfs of its own, so that the day can fill its disk. */
    readonly disk: SmallDisk,
    /** An external broker the server and devices use instead of the embedded one. */
    private readonly mosquitto: Mosquitto | null,
    private readonly postgres: DayPostgres | null,
  ) {
    this.dataDir = disk.dir;
    this.clock = new WallClock(
      path.join(os.tmpdir(), `olympiad-soak-${path.basename(disk.dir)}.faketime`),
    );
  }

  static async start(diskMb: number, broker: DayBroker, database: DayDatabase): Promise<DayServer> {
    const mosquitto = broker === 'mosquitto' ? new Mosquitto(await freePort()) : null;
    const postgres = database === 'postgres' ? await DayPostgres.start() : null;
    const server = new DayServer(
      await freePort(),
      await freePort(),
      diskMb > 0 ? SmallDisk.mount(diskMb) : SmallDisk.plain(),
      mosquitto,
      postgres,
    );
    await server.boot();
    return server;
  }

  /**
   * Mosquitto with the password and ACL files the server makes for the devices registered so far
   * (docs/deploy.md), started once the stage's devices exist; nothing to do for the embedded one.
   */
  async startBroker(organiser: string, http: DayHttp): Promise<void> {
    if (!this.mosquitto) return;
    const files = await http.expect<{ passwd: string; acl: string }>(
      [200],
      'POST',
      '/api/devices/mosquitto-files',
      organiser,
      {
        serverUsername: MOSQUITTO_USER,
        serverPassword: MOSQUITTO_PASSWORD,
        port: this.mosquitto.port,
      },
    );
    this.mosquitto.writeFiles(files);
    await this.mosquitto.start();
    const until = Date.now() + 30_000;
    for (;;) {
      const health = await http.expect<{ mqtt?: { ready?: boolean } }>(
        [200],
        'GET',
        '/api/health',
        null,
      );
      if (health.mqtt?.ready) return;
      if (Date.now() > until) throw new Error("the server's MQTT client did not reach Mosquitto");
      await sleep(200);
    }
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get mqttUrl() {
    return this.mosquitto?.url ?? `mqtt://127.0.0.1:${this.mqttPort}`;
  }

  private async boot(): Promise<void> {
    this.lives.push(
      await startVenue({
        dataDir: this.dataDir,
        port: this.port,
        env: {
          ...(this.mosquitto
            ? {
                MQTT_URL: this.mosquitto.url,
                MQTT_USERNAME: MOSQUITTO_USER,
                MQTT_PASSWORD: MOSQUITTO_PASSWORD,
                MQTT_CLIENT_ID: 'olympiad-soak',
              }
            : { MQTT_PORT: String(this.mqttPort) }),
          ...(this.postgres ? { DATABASE_URL: this.postgres.databaseUrl } : {}),
          HTTPS: 'off',
          ...this.clock.env(),
        },
      }),
    );
  }

  /** Injects a fault; returns a note on it, if any. */
  async inject(kind: PlannedFault['kind']): Promise<string | void> {
    const from = Date.now();
    if (kind === 'kill -9') {
      await this.lives[this.lives.length - 1].kill();
      await this.boot();
      this.faultWindows.push({ from, to: Date.now() + FAULT_GRACE_MS, kind });
    } else if (kind === 'broker restart') {
      // Stopped the polite way (it writes its persistence file), as `systemctl restart` does.
      await this.mosquitto?.stop();
      await this.mosquitto?.start();
      this.faultWindows.push({ from, to: Date.now() + FAULT_GRACE_MS, kind });
    } else if (kind === 'database restart') {
      this.postgres?.restart();
      this.faultWindows.push({ from, to: Date.now() + FAULT_GRACE_MS, kind });
    } else if (kind === 'disk full') {
      const bytes = this.disk.fill();
      this.diskFullSince = from;
      return `${Math.round(bytes / 1_048_576)} MB of ballast`;
    } else if (kind === 'disk freed') {
      this.disk.free();
      this.faultWindows.push({
        from: this.diskFullSince ?? from,
        to: Date.now() + FAULT_GRACE_MS,
        kind: 'disk full and freed',
      });
      this.diskFullSince = null;
    } else if (kind === 'clock +1 h') {
      this.clock.jump('+1h');
      this.clockForwardSince = from;
    } else {
      this.clock.jump('+0');
      this.faultWindows.push({
        from: this.clockForwardSince ?? from,
        to: Date.now() + FAULT_GRACE_MS,
        kind: 'clock +1 h and back',
      });
      this.clockForwardSince = null;
    }
  }

  inFault(at: number): boolean {
    return this.faultWindows.some((window) => at >= window.from && at <= window.to);
  }

  output(): string {
    return this.lives.map((life) => life.output()).join('\n');
  }

  /** SQLite's own check of the database file, run beside the server (a reader of the WAL). */
  integrity(): string {
    if (this.postgres) return 'ok';
    return spawnSync(
      'sqlite3',
      [path.join(this.dataDir, 'olympiad.sqlite'), 'PRAGMA integrity_check;'],
      {
        encoding: 'utf8',
      },
    ).stdout.trim();
  }

  async stop(): Promise<void> {
    await this.lives[this.lives.length - 1]?.stop();
    await this.mosquitto?.stop();
    this.postgres?.stop();
    this.clock.remove();
    this.disk.remove();
  }
}

interface Cast {
  organiser: string;
  headJudge: string;
  stageId: string;
  stageCode: string;
  tabletCategory: string;
  tableCategory: string;
  sumoCategory: string;
  creativeCategory: string;
  programmingCategory: string;
  importCategory: string;
  tabletTeams: string[];
  tableTeams: string[];
  sumoTeams: string[];
  creativeTeams: string[];
  programmingTeams: string[];
  tabletJudges: Array<{ id: string; token: string }>;
  tables: Array<{ fieldId: string; deviceId: string; secret: string; judgeToken: string }>;
  rings: Array<{ fieldId: string; deviceId: string; secret: string; judgeToken: string }>;
}

/** Every category the day scores, the imported teams' one included. */
const categoriesOf = (cast: Cast) => [
  cast.tabletCategory,
  cast.tableCategory,
  cast.sumoCategory,
  cast.creativeCategory,
  cast.programmingCategory,
  cast.importCategory,
];

/** The stage, its teams, judges, fields and devices, made through the REST API. */
async function prepareStage(server: DayServer, http: DayHttp, plan: DayPlan): Promise<Cast> {
  const venue = server.lives[0];
  const organiser = await organiserToken(venue);
  const stage = await createRegionalStage(venue, organiser);
  const post = <T>(path: string, body: object) =>
    http.expect<T>([201], 'POST', path, organiser, body);
  const school = await post<{ id: string }>('/api/schools', {
    name: 'Школа №7',
    regionCode: 'aktobe',
  });
  const teams = async (categoryId: string, count: number, grade: number, prefix: string) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const team = await post<{ id: string }>('/api/teams', {
        stageId: stage.stageId,
        schoolId: school.id,
        categoryId,
        name: `${prefix} ${i + 1}`,
        members: [{ name: `Оқушы ${i + 1}`, grade }],
      });
      ids.push(team.id);
    }
    return ids;
  };
  const category = async (discipline: string, preset: string, name: string, grades: number[]) =>
    (
      await post<{ id: string }>('/api/categories', {
        stageId: stage.stageId,
        discipline,
        preset,
        name,
        ageGroup: { label: grades.join('–'), minGrade: grades[0], maxGrade: grades[1] },
      })
    ).id;
  const tabletCategory = stage.categories[TABLET_CATEGORY];
  const tableCategory = stage.categories[TABLE_CATEGORY];
  const sumoCategory = stage.categories[SUMO_CATEGORY];
  const creativeCategory = await category('creative', 'creative-default', 'Шығармашылық', [5, 8]);
  const programmingCategory = await category(
    'programming',
    'programming-default',
    'Бағдарламалау',
    [7, 9],
  );
  const tabletTeams = await teams(tabletCategory, plan.scale.tabletTeams, 4, 'Қыран');
  const tableTeams = await teams(tableCategory, plan.scale.tableTeams, 6, 'Барыс');
  const sumoTeams = await teams(sumoCategory, plan.scale.sumoTeams, 3, 'Арлан');
  const creativeTeams = await teams(creativeCategory, plan.scale.creativeTeams, 7, 'Шабыт');
  const programmingTeams = await teams(programmingCategory, plan.scale.programmingTeams, 8, 'Код');
  const tabletCategoryOf = {
    maze: tabletCategory,
    creative: creativeCategory,
    programming: programmingCategory,
  };
  let signedIn = 0;
  const judge = async (name: string, role: string, categoryIds: string[]) => {
    const made = await post<{ id: string; pin: string }>('/api/judges', {
      stageId: stage.stageId,
      name,
      role,
      ...(role === 'judge' ? { categoryIds } : {}),
    });
    signedIn++;
    const token = await signInJudgeFrom(server.url, `127.0.0.${signedIn + 1}`, {
      stageCode: stage.stageCode,
      pin: made.pin,
    });
    return { id: made.id, token };
  };
  const tabletJudges = [];
  for (const tablet of plan.tablets)
    tabletJudges.push(
      await judge(`Судья (${tablet.name})`, 'judge', [tabletCategoryOf[tablet.discipline]]),
    );
  const tables = [];
  for (const [index, table] of plan.tables.entries()) {
    const field = await addSensorField(venue, organiser, stage.stageId, `soak-gates-${index + 1}`, {
      name: table.name,
      discipline: 'maze',
      label: 'gates',
    });
    const fieldJudge = await judge(`Судья (${table.name})`, 'judge', [tableCategory]);
    tables.push({ ...field, judgeToken: fieldJudge.token });
  }
  const rings = [];
  for (const [index, ring] of plan.rings.entries()) {
    const field = await addSensorField(venue, organiser, stage.stageId, `soak-ring-${index + 1}`, {
      name: ring.name,
      discipline: 'sumo',
      label: 'start button',
    });
    const ringJudge = await judge(`Судья (${ring.name})`, 'judge', [sumoCategory]);
    rings.push({ ...field, judgeToken: ringJudge.token });
  }
  const headJudge = await judge('Бас төреші', 'head-judge', []);
  await post(`/api/categories/${sumoCategory}/sumo/draw`, { seed: plan.seed });
  await http.expect([200], 'PATCH', `/api/stages/${stage.stageId}`, organiser, { status: 'live' });
  return {
    organiser,
    headJudge: headJudge.token,
    stageId: stage.stageId,
    stageCode: stage.stageCode,
    tabletCategory,
    tableCategory,
    sumoCategory,
    creativeCategory,
    programmingCategory,
    importCategory: stage.categories[IMPORT_CATEGORY],
    tabletTeams,
    tableTeams,
    sumoTeams,
    creativeTeams,
    programmingTeams,
    tabletJudges,
    tables,
    rings,
  };
}

/** The head judge corrects acknowledged tablet entries at the planned times; returns the corrections acknowledged. */
async function headJudgeCorrections(
  http: DayHttp,
  plan: DayPlan,
  cast: Cast,
  t0: number,
): Promise<string[]> {
  const done: string[] = [];
  for (const correction of plan.corrections) {
    await sleep(Math.max(0, t0 + correction.atMs - Date.now()));
    const ledger = await http.expect<LedgerEntry[]>(
      [200],
      'GET',
      `/api/categories/${cast.tabletCategory}/ledger`,
      cast.headJudge,
    );
    const superseded = new Set(ledger.map((row) => row.supersedes));
    const candidates = ledger.filter(
      (row) => row.authorRole === 'judge' && row.supersedes === null && !superseded.has(row.id),
    );
    if (candidates.length === 0) continue;
    const original = candidates[Math.floor(correction.pick * candidates.length)];
    const touches = Number(original.payload['touches'] ?? 0);
    await http.expect([200, 201], 'POST', '/api/ledger', cast.headJudge, {
      id: correction.id,
      categoryId: cast.tabletCategory,
      teamId: original.teamId,
      kind: original.kind,
      payload: { ...original.payload, touches: touches + 1 },
      supersedes: original.id,
      reason: 'Head judge: a touch the field judge missed',
      recordedAt: new Date().toISOString(),
    });
    done.push(correction.id);
  }
  return done;
}

/** Before locking, the head judge confirms the gate times no field judge confirmed (a lock refuses them). */
async function confirmWaitingGateTimes(http: DayHttp, cast: Cast): Promise<string[]> {
  const ledger = await http.expect<LedgerEntry[]>(
    [200],
    'GET',
    `/api/categories/${cast.tableCategory}/ledger`,
    cast.headJudge,
  );
  const superseded = new Set(ledger.map((row) => row.supersedes));
  const confirmed: string[] = [];
  for (const row of ledger.filter(
    (entry) => entry.awaitsConfirmation && !superseded.has(entry.id),
  )) {
    const id = randomUUID();
    await http.expect([200, 201], 'POST', '/api/ledger', cast.headJudge, {
      id,
      categoryId: cast.tableCategory,
      teamId: row.teamId,
      kind: row.kind,
      payload: row.payload,
      supersedes: row.id,
      reason: 'confirmed by the head judge',
      recordedAt: new Date().toISOString(),
    });
    confirmed.push(id);
  }
  return confirmed;
}

/** The registration file imported mid-day: new teams of grades 1–2, as a regional office sends late. */
export function lateRegistrationCsv(count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `Кешіккен ${i + 1},Ақтөбе №12 мектеп,Ақтөбе облысы,Ақтөбе,Лабиринт,Серікова Гүлнар,Оқушы ${i + 1},${1 + (i % 2)}`,
  );
  return [
    'Команда,Школа,Регион,Населённый пункт,Категория,Тренер,Участник 1,Класс 1',
    ...rows,
  ].join('\n');
}

/**
 * The organiser imports the late registration file while the day is scored: preview, then confirm
 * with the preview's hash. A confirm whose answer was lost (a kill) is sent again and refused as
 * already registered: that is an import that happened.
 */
async function importLateTeams(http: DayHttp, cast: Cast, count: number): Promise<string> {
  const csv = lateRegistrationCsv(count);
  const form = (fields: Record<string, string>) => {
    const body = new FormData();
    body.append('file', new Blob([csv], { type: 'text/csv' }), 'late-teams.csv');
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    return body;
  };
  const preview = await http.sendForm<{ fileHash: string }>(
    `/api/stages/${cast.stageId}/registration/preview`,
    cast.organiser,
    () => form({}),
  );
  if (preview.status !== 200)
    throw new Error(
      `the import's preview answered ${preview.status}: ${JSON.stringify(preview.body)}`,
    );
  const confirm = await http.sendForm<{ key?: string }>(
    `/api/stages/${cast.stageId}/registration/confirm`,
    cast.organiser,
    () => form({ fileHash: preview.body.fileHash }),
  );
  if (confirm.status === 201) return 'imported';
  return `confirm answered ${confirm.status} (${JSON.stringify(confirm.body).slice(0, 200)})`;
}

export async function runChaosDay(
  seed: number,
  scale: DayScale,
  log: (line: string) => void = () => undefined,
  broker: DayBroker = 'embedded',
  database: DayDatabase = 'sqlite',
): Promise<DayResult> {
  const plan = planDay(seed, scale);
  const began = Date.now();
  const timeline: string[] = [];
  const note = (line: string) => {
    const entry = `${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s  ${line}`;
    timeline.push(entry);
    log(entry);
  };
  note(
    `SOAK_SEED=${seed}: ${plan.faults.map((f) => `${f.kind} at ${(f.atMs / 1000).toFixed(1)} s`).join(', ')}`,
  );
  const server = await DayServer.start(scale.diskMb, broker, database);
  const http = new DayHttp(server.url);
  let clients: DayClients | null = null;
  // Set when the day ends, also by a failure: the tables arm no further run.
  let dayOver = false;
  const devices: RawDevice[] = [];
  try {
    const cast = await prepareStage(server, http, plan);
    await server.startBroker(cast.organiser, http);
    note(
      `stage ready: ${scale.tabletTeams + scale.tableTeams} teams, ${scale.tablets} tablets, ${scale.tables} tables`,
    );
    clients = await DayClients.start({
      url: server.url,
      stageId: cast.stageId,
      categories: {
        maze: { categoryId: cast.tabletCategory, teamIds: cast.tabletTeams },
        creative: { categoryId: cast.creativeCategory, teamIds: cast.creativeTeams },
        programming: { categoryId: cast.programmingCategory, teamIds: cast.programmingTeams },
      },
      tablets: plan.tablets.map((tablet, index) => ({
        ...tablet,
        ...cast.tabletJudges[index],
        judgeId: cast.tabletJudges[index].id,
      })),
      viewers: scale.viewers,
      viewerCategories: categoriesOf(cast).filter((id) => id !== cast.importCategory),
    });
    const t0 = Date.now();
    note(`clients started: ${scale.viewers} viewers`);

    const tables = Promise.all(
      plan.tables.map((table, index) =>
        playTable(table, {
          http,
          mqttUrl: server.mqttUrl,
          ...cast.tables[index],
          categoryId: cast.tableCategory,
          teamIds: cast.tableTeams,
          t0,
          devices,
          stopped: () => dayOver,
        }),
      ),
    );
    const strength = new Map(cast.sumoTeams.map((id, index) => [id, plan.sumoStrength[index]]));
    const taken = new Set<string>();
    const rings = Promise.all(
      plan.rings.map((ring, index) =>
        playRing(ring, {
          http,
          url: server.url,
          mqttUrl: server.mqttUrl,
          ...cast.rings[index],
          categoryId: cast.sumoCategory,
          strength,
          taken,
          devices,
          stopped: () => dayOver,
        }),
      ),
    );
    const imported = (async () => {
      await sleep(Math.max(0, t0 + plan.importAtMs - Date.now()));
      note('the organiser imports the late registration file');
      const result = await importLateTeams(http, cast, scale.importTeams);
      note(`import: ${result}`);
      return result;
    })();
    const corrections = headJudgeCorrections(http, plan, cast, t0);
    // Awaited in turn below; one failing first must not leave the others' failures unhandled.
    for (const work of [tables, rings, imported, corrections]) work.catch(() => undefined);
    const faults = (async () => {
      for (const fault of plan.faults) {
        await sleep(Math.max(0, t0 + fault.atMs - Date.now()));
        note(`fault: ${fault.kind}`);
        const detail = await server.inject(fault.kind);
        if (detail) note(`  ${detail}`);
        if (fault.kind === 'kill -9') note('server up again on the same data folder and ports');
      }
    })();

    await faults;
    let status = await clients.status();
    while (!status.done) {
      await sleep(1_000);
      status = await clients.status();
    }
    note('tablets made every planned entry');
    const outcomes: RunOutcome[] = (await tables).flat();
    note(`tables done: ${outcomes.length} runs`);
    const matches: MatchOutcome[] = (await rings).flat();
    note(`rings done: ${matches.length} sumo matches`);
    const importResult = await imported;
    const corrected = await corrections;

    // The tablets drain their outboxes by themselves (the Outbox retries every few seconds).
    const settleUntil = Date.now() + SETTLE_LIMIT_MS;
    while (
      status.tablets.some((tablet) => tablet.waiting.length > tablet.held.length) &&
      Date.now() < settleUntil
    ) {
      await sleep(1_000);
      status = await clients.status();
    }
    note('outboxes drained (or gave up waiting)');

    const headConfirmed = await confirmWaitingGateTimes(http, cast);
    note(`head judge confirmed ${headConfirmed.length} gate times left waiting`);
    for (const categoryId of categoriesOf(cast))
      await http.expect([200, 201], 'POST', `/api/categories/${categoryId}/lock`, cast.organiser);
    note('categories locked');
    for (const categoryId of categoriesOf(cast))
      await http.expect(
        [200, 201],
        'POST',
        `/api/categories/${categoryId}/publish`,
        cast.organiser,
      );
    note('categories published');

    const publicStandings = async (categoryId: string) =>
      http.expect<StandingsSnapshot>(
        [200],
        'GET',
        `/api/public/categories/${categoryId}/standings`,
        null,
      );
    const viewersBehind = async () => {
      const current = await clients!.status();
      let behind = 0;
      for (const categoryId of categoriesOf(cast)) {
        const version = String((await publicStandings(categoryId)).version);
        for (const [held, count] of Object.entries(current.viewers[categoryId] ?? {}))
          if (held !== version) behind += count;
      }
      return { behind, current };
    };
    let viewers = await viewersBehind();
    const viewersUntil = Date.now() + 30_000;
    while (viewers.behind > 0 && Date.now() < viewersUntil) {
      await sleep(1_000);
      viewers = await viewersBehind();
    }
    note(`viewers settled: ${viewers.behind} behind`);
    status = viewers.current;

    return await judgeTheDay({
      plan,
      cast,
      http,
      server,
      status,
      outcomes,
      matches,
      importResult,
      corrected,
      headConfirmed,
      viewersBehind: viewers.behind,
      began,
      timeline,
    });
  } finally {
    dayOver = true;
    devices.forEach((device) => device.client.end(true));
    await clients?.close();
    await server.stop();
  }
}

async function judgeTheDay(day: {
  plan: DayPlan;
  cast: Cast;
  http: DayHttp;
  server: DayServer;
  status: DayClientsStatus;
  outcomes: RunOutcome[];
  matches: MatchOutcome[];
  importResult: string;
  corrected: string[];
  headConfirmed: string[];
  viewersBehind: number;
  began: number;
  timeline: string[];
}): Promise<DayResult> {
  const { plan, cast, http, server, status, outcomes } = day;
  const failures: string[] = [];
  const ledgerOf = (categoryId: string) =>
    http.expect<LedgerEntry[]>(
      [200],
      'GET',
      `/api/categories/${categoryId}/ledger`,
      cast.organiser,
    );
  const tabletLedger = await ledgerOf(cast.tabletCategory);
  const tableLedger = await ledgerOf(cast.tableCategory);
  const sumoLedger = await ledgerOf(cast.sumoCategory);
  const creativeLedger = await ledgerOf(cast.creativeCategory);
  const programmingLedger = await ledgerOf(cast.programmingCategory);
  const all = [
    ...tabletLedger,
    ...tableLedger,
    ...sumoLedger,
    ...creativeLedger,
    ...programmingLedger,
  ];
  const rows = new Map<string, number>();
  for (const row of all) rows.set(row.id, (rows.get(row.id) ?? 0) + 1);

  // 1. Every entry a client saw acknowledged is in the ledger exactly once.
  const acknowledged = [
    ...status.tablets.flatMap((tablet) =>
      tablet.created.filter((id) => !tablet.waiting.includes(id)),
    ),
    ...day.corrected,
    ...day.headConfirmed,
    ...outcomes.flatMap((outcome) => (outcome.confirmationId ? [outcome.confirmationId] : [])),
    ...day.matches.flatMap((match) => (match.entryId ? [match.entryId] : [])),
  ];
  const lost = acknowledged.filter((id) => !rows.has(id));
  if (lost.length)
    failures.push(
      `${lost.length} acknowledged entries are not in the ledger: ${lost.slice(0, 5).join(', ')}`,
    );
  const stillWaiting = status.tablets.flatMap((tablet) => tablet.waiting);
  if (stillWaiting.length)
    failures.push(
      `${stillWaiting.length} entries never left their tablet (held: ${status.tablets.flatMap((t) => t.held).length})`,
    );
  // A second row for one attempt of one team that no one meant as a correction is a doubled entry.
  const originals = new Map<string, string[]>();
  // One original per team and attempt (maze), task (programming), judge (creative) or match (sumo).
  for (const row of all.filter(
    (entry) => entry.supersedes === null && entry.kind !== 'sumo.draw',
  )) {
    const p = row.payload;
    const key = `${row.categoryId}/${row.teamId}/${String(p['attempt'] ?? p['task'] ?? p['judgeId'] ?? p['matchId'])}`;
    originals.set(key, [...(originals.get(key) ?? []), row.id]);
  }
  const doubled = [...originals].filter(([, ids]) => ids.length > 1);
  const doubledIds = [...rows].filter(([, count]) => count > 1);
  if (doubled.length)
    failures.push(
      `${doubled.length} attempts were recorded twice: ${doubled
        .slice(0, 3)
        .map(([key, ids]) => `${key} (${ids.join(', ')})`)
        .join('; ')}`,
    );
  if (doubledIds.length) failures.push(`${doubledIds.length} entry ids appear twice in the ledger`);

  const played = new Set(
    outcomes.map((outcome) => `${outcome.table}/${outcome.teamId}/${outcome.attempt}`),
  );
  const unplayed = plan.tables.flatMap((table) =>
    table.runs.filter(
      (run) => !played.has(`${table.name}/${cast.tableTeams[run.team]}/${run.attempt}`),
    ),
  );
  if (unplayed.length)
    failures.push(
      `${unplayed.length} planned sensor runs were not played (a table stopped at a lost run)`,
    );

  // 2. Every sensor run is timed once (with the device clock's duration) or marked for manual timing.
  for (const outcome of outcomes) {
    const label = `${outcome.table}: team ${outcome.teamId} attempt ${outcome.attempt}`;
    if (outcome.state === 'lost') {
      failures.push(
        `${label} was neither timed nor marked for manual timing (${outcome.detail ?? ''})`,
      );
      continue;
    }
    if (outcome.detail) failures.push(`${label}: ${outcome.detail}`);
    if (outcome.state === 'needs-manual-timing') continue;
    const gateRows = tableLedger.filter(
      (row) =>
        row.authorRole === 'device' &&
        row.teamId === outcome.teamId &&
        row.payload['attempt'] === outcome.attempt,
    );
    if (gateRows.length !== 1)
      failures.push(`${label} has ${gateRows.length} gate entries, not one`);
    if (outcome.durationMs !== outcome.expectedMs)
      failures.push(
        `${label} was timed ${outcome.durationMs} ms; its device clock says ${outcome.expectedMs} ms`,
      );
  }

  // 2b. The sumo bracket is played out and is the ledger's replay: every match decided once, by its
  // ring's entry, and a winner of the final.
  const bracket = (
    await http.expect<{ tournament: SumoTournament }>(
      [200],
      'GET',
      `/api/categories/${cast.sumoCategory}/sumo/bracket`,
      cast.organiser,
    )
  ).tournament;
  const sumoMatches = allMatches(bracket);
  const unfinished = sumoMatches.filter((match) => match.status !== 'finished');
  if (unfinished.length)
    failures.push(
      `${unfinished.length} sumo matches were not played out: ${unfinished.map((m) => m.id).join(', ')}`,
    );
  if (!sumoMatches.find((match) => match.stage === 'final')?.outcome?.winner)
    failures.push('the sumo final has no winner');
  const matchEntries = sumoLedger.filter((row) => row.kind === 'sumo.match');
  const recorded = day.matches.filter((match) => match.entryId);
  if (matchEntries.length !== recorded.length)
    failures.push(
      `the sumo ledger holds ${matchEntries.length} match entries; the rings recorded ${recorded.length}`,
    );
  for (const match of day.matches) {
    const decided = sumoMatches.find((one) => one.id === match.matchId);
    if (decided?.outcome?.winner !== match.winner)
      failures.push(
        `sumo match ${match.matchId} (${match.ring}) was won by ${match.winner}; the bracket says ${decided?.outcome?.winner}`,
      );
    if (match.durationMs !== null && match.durationMs !== match.expectedMs)
      failures.push(
        `sumo match ${match.matchId} was timed ${match.durationMs} ms; its device clock says ${match.expectedMs} ms`,
      );
  }
  const sumoCategory = await http.expect<{ ruleSet: SumoRuleSet }>(
    [200],
    'GET',
    `/api/categories/${cast.sumoCategory}`,
    cast.organiser,
  );
  const replayed = sumoTournamentOf(
    sumoCategory.ruleSet,
    cast.sumoTeams.map((id) => ({ id, name: id, status: 'active' as const })),
    sumoLedger.map((row): LedgerRecord => ({
      id: row.id,
      seq: row.seq,
      kind: row.kind,
      teamId: row.teamId,
      payload: row.payload,
      supersedes: row.supersedes,
      authorId: row.authorId,
      recordedAt: row.recordedAt,
    })),
  );
  const decisions = (matches: Array<{ id: string; outcome: unknown }>) =>
    JSON.stringify(matches.map((match) => [match.id, match.outcome]));
  if (decisions(allMatches(replayed as SumoTournament)) !== decisions(sumoMatches))
    failures.push("the sumo bracket the server shows is not the replay of the category's ledger");

  // 2c. The teams of the registration file imported mid-day are there, once each.
  const stageTeams = await http.expect<Array<{ name: string; categoryId: string }>>(
    [200],
    'GET',
    `/api/stages/${cast.stageId}/teams`,
    cast.organiser,
  );
  const importedNames = lateRegistrationCsv(day.plan.scale.importTeams)
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]);
  const importedOnce = importedNames.filter(
    (name) =>
      stageTeams.filter((team) => team.name === name && team.categoryId === cast.importCategory)
        .length === 1,
  );
  if (importedOnce.length !== importedNames.length)
    failures.push(
      `${importedNames.length - importedOnce.length} of the ${importedNames.length} imported teams are not there exactly once (${day.importResult})`,
    );

  // 3. Standings equal the ledger's replay in every category.
  let standingsMismatches = 0;
  for (const categoryId of categoriesOf(cast)) {
    const verification = await http.expect<StandingsVerification>(
      [200],
      'GET',
      `/api/categories/${categoryId}/standings/verify`,
      cast.organiser,
    );
    if (!verification.matches) {
      standingsMismatches++;
      failures.push(`the standings of category ${categoryId} differ from the replay of its ledger`);
    }
  }

  // 3b. The database file is whole after everything (SQLite's integrity check).
  const integrity = server.integrity();
  if (integrity !== 'ok')
    failures.push(`PRAGMA integrity_check answers: ${integrity.slice(0, 300)}`);

  // 4. Every viewer's last version equals the server's.
  if (day.viewersBehind > 0)
    failures.push(
      `${day.viewersBehind} viewers hold other standings than the server's: ${JSON.stringify(status.viewers)}`,
    );

  // 5. No 5xx outside the injected faults, from any client or in the server's log.
  const errors: ServerError[] = [...status.serverErrors, ...http.serverErrors];
  const outside = errors.filter((error) => !server.inFault(error.at));
  if (outside.length)
    failures.push(
      `${outside.length} answers were 5xx outside the faults: ${outside
        .slice(0, 5)
        .map((e) => `${e.status} ${e.path}`)
        .join('; ')}`,
    );
  const lines = server.output().split('\n');
  const logged = lines.filter((line) => /\bERROR\b.*\[ApiError\]/.test(line));
  const crashes = lines.filter((line) => /Unhandled|\bFATAL\b|Maximum call stack/.test(line));
  if (crashes.length)
    failures.push(
      `the server logged ${crashes.length} crashes: ${crashes.slice(0, 3).join(' | ')}`,
    );
  if (logged.length)
    failures.push(`the server logged ${logged.length} 5xx: ${logged.slice(0, 3).join(' | ')}`);

  const sum = (pick: (tablet: DayClientsStatus['tablets'][number]) => number) =>
    status.tablets.reduce((total, tablet) => total + pick(tablet), 0);
  const faults: Record<string, number> = {};
  for (const window of server.faultWindows) faults[window.kind] = (faults[window.kind] ?? 0) + 1;
  const figures: DayFigures = {
    seed: plan.seed,
    scale: plan.scale,
    wallSeconds: Math.round((Date.now() - day.began) / 1000),
    tabletEntries: sum((t) => t.created.length),
    tabletAcknowledged: sum((t) => t.created.length - t.waiting.length),
    tabletPosts: sum((t) => t.posts),
    corrections: day.corrected.length,
    sensorRuns: outcomes.length,
    sumoMatches: matchEntries.length,
    sumoTimed: day.matches.filter((match) => match.durationMs !== null).length,
    creativeSheets: creativeLedger.length,
    programmingScores: programmingLedger.length,
    imported: importedOnce.length,
    sensorTimed: outcomes.filter((o) => o.state === 'finished').length,
    sensorManual: outcomes.filter((o) => o.state === 'needs-manual-timing').length,
    confirmations: outcomes.filter((o) => o.confirmationId).length,
    headConfirmations: day.headConfirmed.length,
    faults,
    lost: lost.length + stillWaiting.length,
    doubled: doubled.length + doubledIds.length,
    serverErrors: errors.length + logged.length,
    serverErrorsOutsideFaults: outside.length + logged.length,
    crashes: crashes.length,
    viewers: plan.scale.viewers,
    viewersBehind: day.viewersBehind,
    standingsMismatches,
  };
  return { figures, failures, timeline: day.timeline };
}

/** The figures as the Markdown table of docs/reliability.md. */
export function figuresTable(figures: DayFigures): string {
  const faults =
    Object.entries(figures.faults)
      .map(([kind, count]) => `${kind} × ${count}`)
      .join(', ') || 'none';
  const lines: Array<[string, string | number]> = [
    ['Seed', figures.seed],
    ['Wall time', `${figures.wallSeconds} s`],
    [
      'Tablet entries made / acknowledged',
      `${figures.tabletEntries} / ${figures.tabletAcknowledged} (${figures.tabletPosts} POSTs)`,
    ],
    ['Head-judge corrections', figures.corrections],
    [
      'Sumo matches recorded / timed by the ring controller',
      `${figures.sumoMatches} / ${figures.sumoTimed}`,
    ],
    [
      'Creative mark sheets / programming task scores',
      `${figures.creativeSheets} / ${figures.programmingScores}`,
    ],
    ['Teams imported mid-day (there once)', figures.imported],
    [
      'Sensor runs: timed / manual timing',
      `${figures.sensorRuns}: ${figures.sensorTimed} / ${figures.sensorManual}`,
    ],
    [
      'Gate times confirmed by field judges / by the head judge before the lock',
      `${figures.confirmations} / ${figures.headConfirmations}`,
    ],
    ['Faults injected', faults],
    ['Viewers / behind the server at the end', `${figures.viewers} / ${figures.viewersBehind}`],
    ['Categories whose standings differ from the replay', figures.standingsMismatches],
    ['Lost', figures.lost],
    ['Doubled', figures.doubled],
    [
      '5xx outside the faults (all 5xx)',
      `${figures.serverErrorsOutsideFaults} (${figures.serverErrors})`,
    ],
    ['Crashes (unhandled errors in the server log)', figures.crashes],
  ];
  return [
    '| Figure | Value |',
    '| --- | --- |',
    ...lines.map(([name, value]) => `| ${name} | ${value} |`),
  ].join('\n');
}
