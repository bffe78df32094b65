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
  tablets: number;
  tables: number;
  viewers: number;
  attempts: number;
  /** How long the tablets keep making entries, ms. */
  scoringMs: number;
  corrections: number;
  kills: number;
  /** Times the server's wall clock jumps an hour forward and, a little later, back. */
  clockJumps: number;
}

export const SHORT_DAY: DayScale = {
  tabletTeams: 40,
  tableTeams: 20,
  tablets: 6,
  tables: 2,
  viewers: 200,
  attempts: 3,
  scoringMs: 75_000,
  corrections: 8,
  kills: 3,
  clockJumps: 1,
};

export const LONG_DAY: DayScale = {
  tabletTeams: 200,
  tableTeams: 100,
  tablets: 20,
  tables: 6,
  viewers: 1_000,
  attempts: 3,
  scoringMs: 300_000,
  corrections: 40,
  kills: 3,
  clockJumps: 2,
};

export interface PlannedEntry {
  id: string;
  atMs: number;
  team: number;
  attempt: number;
  finished: boolean;
  timeMs: number | null;
  touches: number;
}

export interface TabletPlan {
  name: string;
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

export interface PlannedFault {
  kind: 'kill -9' | 'clock +1 h' | 'clock back';
  atMs: number;
}

export interface DayPlan {
  seed: number;
  scale: DayScale;
  tablets: TabletPlan[];
  tables: TablePlan[];
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
  const tablets: TabletPlan[] = Array.from({ length: scale.tablets }, (_, index) => {
    const teams = Array.from({ length: scale.tabletTeams }, (_, team) => team).filter(
      (team) => team % scale.tablets === index,
    );
    // Attempt 1 of every team first, then attempt 2 …, as a judge's field queue goes round.
    const work = Array.from({ length: scale.attempts }, (_, a) =>
      teams.map((team) => ({ team, attempt: a + 1 })),
    ).flat();
    const pace = scale.scoringMs / Math.max(1, work.length);
    const entries = work.map(({ team, attempt }, order) => {
      const finished = random() < 0.8;
      return {
        id: seededUuid(random),
        atMs: Math.round(order * pace + random() * pace * 0.5),
        team,
        attempt,
        finished,
        timeMs: finished ? between(random, 30_000, 90_000) : null,
        touches: between(random, 0, 2),
      };
    });
    const offline = Array.from({ length: between(random, 1, 2) }, () => {
      const fromMs = between(random, 0, scale.scoringMs - 10_000);
      return { fromMs, toMs: fromMs + between(random, 3_000, 15_000) };
    });
    return { name: `tablet ${index + 1}`, entries, offline };
  });
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
  const corrections = Array.from({ length: scale.corrections }, () => ({
    atMs: between(random, scale.scoringMs / 4, scale.scoringMs),
    pick: random(),
    id: seededUuid(random),
  })).sort((a, b) => a.atMs - b.atMs);
  // The faults take turns in equal slots of the scoring time, in a seeded order: a kill early in
  // its slot, a clock jump forward early in its slot and back 5–8 s later. The next fault is then
  // seconds away, so the process that lived through a jump shows what it did to it (rate limits,
  // timers) before a kill ends it, and a restart is over before the next fault.
  const kinds: Array<'kill' | 'jump'> = [
    ...Array.from({ length: scale.kills }, () => 'kill' as const),
    ...Array.from({ length: scale.clockJumps }, () => 'jump' as const),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const slot = scale.scoringMs / Math.max(1, kinds.length);
  const faults: PlannedFault[] = kinds.flatMap((kind, index): PlannedFault[] => {
    const start = index * slot;
    if (kind === 'kill')
      return [{ kind: 'kill -9', atMs: Math.round(start + slot * (0.2 + random() * 0.3)) }];
    const forward = Math.round(start + slot * (0.1 + random() * 0.2));
    return [
      { kind: 'clock +1 h', atMs: forward },
      { kind: 'clock back', atMs: forward + between(random, 5_000, 8_000) },
    ];
  });
  return { seed, scale, tablets, tables, corrections, faults };
}
