/**
 * The chaos day's schedule (docs/reliability.md#the-chaos-day), made from a seed alone: which
 * tablet records which attempt when, its offline spells, the runs on each sensor table, the head
 * judge's corrections and the faults. Same seed and scale, same plan: a failing day can be played
 * again exactly (times are offsets from the day's start, so only the server's answers differ).
 */

export interface DayScale {
  /** Teams scored by tablets (stopwatch) in the tablets' maze category. */
  tabletTeams: number;
  /** Teams timed by sensors in the tables' maze category. */
  tableTeams: number;
  /** Teams of the sumo category, drawn into groups and played out on the rings. */
  sumoTeams: number;
  /** Teams of the creative category, each marked by every creative judge's tablet. */
  creativeTeams: number;
  /** Teams of the programming category, each with a score on every task. */
  programmingTeams: number;
  /** Teams in the registration file imported mid-day (preview, then confirm). */
  importTeams: number;
  /** Maze tablets (stopwatch). */
  tablets: number;
  /** Creative judges' tablets: every one marks every creative team (the rules ask for 3–5). */
  creativeTablets: number;
  programmingTablets: number;
  tables: number;
  rings: number;
  viewers: number;
  attempts: number;
  /** How long the tablets keep making entries, ms. */
  scoringMs: number;
  corrections: number;
  kills: number;
  /** Times the server's wall clock jumps an hour forward and, a little later, back. */
  clockJumps: number;
  /** Times the data folder's disk fills up and, a little later, has space again. */
  diskFulls: number;
  /** The data folder's tmpfs, MB: room for the day's database with a wide margin. */
  diskMb: number;
  /** Restarts of an external broker (Mosquitto); 0 with the embedded one, which is the server. */
  brokerRestarts: number;
  /** Restarts of the PostgreSQL server (the variant on PostgreSQL; SQLite is the server's own file). */
  databaseRestarts: number;
}

export const SHORT_DAY: DayScale = {
  tabletTeams: 24,
  tableTeams: 12,
  sumoTeams: 8,
  creativeTeams: 8,
  programmingTeams: 8,
  importTeams: 6,
  tablets: 4,
  creativeTablets: 3,
  programmingTablets: 1,
  tables: 2,
  rings: 2,
  viewers: 200,
  attempts: 3,
  scoringMs: 75_000,
  corrections: 8,
  kills: 3,
  clockJumps: 1,
  diskFulls: 1,
  diskMb: 128,
  brokerRestarts: 0,
  databaseRestarts: 0,
};

export const LONG_DAY: DayScale = {
  tabletTeams: 120,
  tableTeams: 60,
  sumoTeams: 40,
  creativeTeams: 40,
  programmingTeams: 40,
  importTeams: 30,
  tablets: 14,
  creativeTablets: 3,
  programmingTablets: 3,
  tables: 6,
  rings: 2,
  viewers: 1_000,
  attempts: 3,
  scoringMs: 300_000,
  corrections: 40,
  kills: 3,
  clockJumps: 2,
  diskFulls: 2,
  diskMb: 256,
  brokerRestarts: 0,
  databaseRestarts: 0,
};

export type TabletDiscipline = 'maze' | 'creative' | 'programming';

export interface PlannedEntry {
  id: string;
  atMs: number;
  team: number;
  /** Maze: the attempt; programming: the task's index (0 = A). */
  attempt: number;
  finished: boolean;
  timeMs: number | null;
  touches: number;
  /** Creative marks per criterion, programming points: seeded numbers 0–1 the tablet scales. */
  marks: number[];
}

export interface TabletPlan {
  name: string;
  discipline: TabletDiscipline;
  entries: PlannedEntry[];
  /** The tablet loses its Wi-Fi from `fromMs` to `toMs` (its requests fail as with no network). */
  offline: Array<{ fromMs: number; toMs: number }>;
}

export interface PlannedRun {
  /** When the field judge arms it, at the earliest (the table may be behind). */
  atMs: number;
  team: number;
  attempt: number;
  /** Between the start and the finish gate on the device clock, µs. */
  durationUs: number;
  /** The field judge confirms the gate time (else it stays awaiting confirmation). */
  confirmed: boolean;
}

export interface TablePlan {
  name: string;
  runs: PlannedRun[];
}

/** A sumo ring through the day: the match lengths its start button controller measures, in turn. */
export interface RingPlan {
  name: string;
  /** Between the start and the stop press on the device clock, µs, one per match the ring plays. */
  matchUs: number[];
}

export interface PlannedFault {
  kind:
    | 'kill -9'
    | 'clock +1 h'
    | 'clock back'
    | 'disk full'
    | 'disk freed'
    | 'broker restart'
    | 'database restart';
  atMs: number;
}

export interface DayPlan {
  seed: number;
  scale: DayScale;
  tablets: TabletPlan[];
  tables: TablePlan[];
  rings: RingPlan[];
  /** Each sumo team's strength: the stronger robot wins, so the bracket's result follows the seed. */
  sumoStrength: number[];
  /** When the organiser imports the registration file. */
  importAtMs: number;
  /** The head judge supersedes an acknowledged tablet entry: `pick` chooses which, `id` is the correction's. */
  corrections: Array<{ atMs: number; pick: number; id: string }>;
  faults: PlannedFault[];
}

/** mulberry32: a small, fast PRNG whose whole state is one 32-bit number. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4 UUID from the generator, so entry ids follow the seed too. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(random() * 4) + 8) as number).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const between = (random: () => number, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

export function planDay(seed: number, scale: DayScale): DayPlan {
  const random = seededRandom(seed);
  const offlineSpells = () =>
    Array.from({ length: between(random, 1, 2) }, () => {
      const fromMs = between(random, 0, scale.scoringMs - 10_000);
      return { fromMs, toMs: fromMs + between(random, 3_000, 15_000) };
    });
  /** A tablet's work spread over the scoring time in order, each entry a little after its turn. */
  const paced = (
    work: Array<{ team: number; attempt: number }>,
    discipline: TabletDiscipline,
  ): PlannedEntry[] => {
    const pace = scale.scoringMs / Math.max(1, work.length);
    return work.map(({ team, attempt }, order) => {
      const finished = random() < 0.8;
      return {
        id: seededUuid(random),
        atMs: Math.round(order * pace + random() * pace * 0.5),
        team,
        attempt,
        finished,
        timeMs: finished ? between(random, 30_000, 90_000) : null,
        touches: between(random, 0, 2),
        marks: discipline === 'maze' ? [] : Array.from({ length: 6 }, () => random()),
      };
    });
  };
  const tabletsOf = (
    discipline: TabletDiscipline,
    count: number,
    teamCount: number,
    rounds: number,
    everyTeam: boolean,
  ): TabletPlan[] =>
    Array.from({ length: count }, (_, index) => {
      const teams = Array.from({ length: teamCount }, (_, team) => team).filter(
        (team) => everyTeam || team % count === index,
      );
      // Round 1 of every team first, then round 2 …, as a judge's field queue goes round.
      const work = Array.from({ length: rounds }, (_, a) =>
        teams.map((team) => ({ team, attempt: discipline === 'programming' ? a : a + 1 })),
      ).flat();
      return {
        name: `${discipline} tablet ${index + 1}`,
        discipline,
        entries: paced(work, discipline),
        offline: offlineSpells(),
      };
    });
  const tablets: TabletPlan[] = [
    ...tabletsOf('maze', scale.tablets, scale.tabletTeams, scale.attempts, false),
    ...tabletsOf('creative', scale.creativeTablets, scale.creativeTeams, 1, true),
    ...tabletsOf('programming', scale.programmingTablets, scale.programmingTeams, 5, false),
  ];
  const tables: TablePlan[] = Array.from({ length: scale.tables }, (_, index) => {
    const teams = Array.from({ length: scale.tableTeams }, (_, team) => team).filter(
      (team) => team % scale.tables === index,
    );
    const count = teams.length * scale.attempts;
    const runs = Array.from({ length: scale.attempts }, (_, a) =>
      teams.map((team, order) => ({
        atMs: Math.round(((a * teams.length + order) * scale.scoringMs) / Math.max(1, count)),
        team,
        attempt: a + 1,
        // Under half a millisecond over whole ms: the expected duration is the same rounded or truncated.
        durationUs: between(random, 25_000, 120_000) * 1_000 + between(random, 0, 499),
        confirmed: random() < 0.7,
      })),
    ).flat();
    return { name: `maze table ${index + 1}`, runs };
  });
  // A groups-playoff of n teams plays fewer than n·2 matches; a ring uses its lengths in turn.
  const rings: RingPlan[] = Array.from({ length: scale.rings }, (_, index) => ({
    name: `sumo ring ${index + 1}`,
    matchUs: Array.from(
      { length: scale.sumoTeams * 2 },
      () => between(random, 20_000, 180_000) * 1_000 + between(random, 0, 499),
    ),
  }));
  const sumoStrength = Array.from({ length: scale.sumoTeams }, () => random());
  const importAtMs = between(random, scale.scoringMs / 3, (scale.scoringMs * 2) / 3);
  const corrections = Array.from({ length: scale.corrections }, () => ({
    atMs: between(random, scale.scoringMs / 4, scale.scoringMs),
    pick: random(),
    id: seededUuid(random),
  })).sort((a, b) => a.atMs - b.atMs);
  // The faults take turns in equal slots of the scoring time, in a seeded order: a kill early in
  // its slot, a clock jump forward (or the disk filling up) early in its slot and back (or freed)
  // 5–8 s later. The next fault is then
  // seconds away, so the process that lived through a jump shows what it did to it (rate limits,
  // timers) before a kill ends it, and a restart is over before the next fault.
  const kinds: Array<'kill' | 'jump' | 'disk' | 'broker' | 'database'> = [
    ...Array.from({ length: scale.databaseRestarts }, () => 'database' as const),
    ...Array.from({ length: scale.brokerRestarts }, () => 'broker' as const),
    ...Array.from({ length: scale.kills }, () => 'kill' as const),
    ...Array.from({ length: scale.clockJumps }, () => 'jump' as const),
    ...Array.from({ length: scale.diskFulls }, () => 'disk' as const),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const slot = scale.scoringMs / Math.max(1, kinds.length);
  const faults: PlannedFault[] = kinds.flatMap((kind, index): PlannedFault[] => {
    const start = index * slot;
    const single = {
      kill: 'kill -9',
      broker: 'broker restart',
      database: 'database restart',
    } as const;
    if (kind === 'kill' || kind === 'broker' || kind === 'database')
      return [
        {
          kind: single[kind],
          atMs: Math.round(start + slot * (0.2 + random() * 0.3)),
        },
      ];
    const forward = Math.round(start + slot * (0.1 + random() * 0.2));
    const back = forward + between(random, 5_000, 8_000);
    return kind === 'jump'
      ? [
          { kind: 'clock +1 h', atMs: forward },
          { kind: 'clock back', atMs: back },
        ]
      : [
          { kind: 'disk full', atMs: forward },
          { kind: 'disk freed', atMs: back },
        ];
  });
  return {
    seed,
    scale,
    tablets,
    tables,
    rings,
    sumoStrength,
    importAtMs,
    corrections,
    faults,
  };
}
