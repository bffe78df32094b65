/**
 * Benchmark (not a test): standings for a 2,000-team category, full recompute and one incremental
 * update, against a bare baseline measured in the same run (copy and sort 2,000 numbers).
 * Budget (docs/design.md#performance-budgets): standings recompute for 2,000 teams ≤ 5 ms.
 *
 * Run: see libs/scoring/README.md ("Benchmark").
 */
import {
  applyEntry,
  computeStandings,
  createStandingsState,
  presetRuleSet,
  seededRandom,
  standingsOf,
  type LedgerRecord,
  type RuleSet,
  type StandingsState,
  type TeamRef,
} from '@olympiad/scoring';

const TEAMS = 2_000;
const random = seededRandom(2_000);

function record(
  seq: number,
  kind: string,
  teamId: string | null,
  payload: unknown,
  supersedes: string | null = null,
): LedgerRecord {
  return {
    id: `e${seq}`,
    seq,
    kind,
    teamId,
    payload,
    supersedes,
    authorId: 'judge',
    recordedAt: '2025-04-12T09:00:00Z',
  };
}

function teams(): TeamRef[] {
  return Array.from({ length: TEAMS }, (_, i) => ({
    id: `team-${i}`,
    name: `Команда ${i}`,
    schoolId: `s${i % 300}`,
    regionCode: `r${i % 17}`,
    status: 'active',
  }));
}

function mazeAttempt(seq: number, teamId: string, attempt: number): LedgerRecord {
  const finished = random.next() < 0.85;
  return record(seq, 'maze.attempt', teamId, {
    attempt,
    outcome: finished ? 'finished' : 'not-finished',
    timeMs: finished ? 30_000 + random.int(150_000) : null,
    touches: random.int(3),
    checkpoints: [],
    lastCheckpointMs: null,
    endedBy: finished ? null : 'stall',
    timing: 'sensor',
  });
}

function programmingTask(seq: number, teamId: string): LedgerRecord {
  return record(seq, 'programming.task', teamId, {
    task: random.pick(['A', 'B', 'C', 'D', 'E']),
    points: 10 * random.int(11),
    groups: null,
    timeMs: null,
  });
}

interface Figures {
  median: number;
  p95: number;
}

function measure(runs: number, body: (i: number) => void): Figures {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)] };
}

function baseline(): Figures {
  const numbers = Array.from({ length: TEAMS }, () => random.int(1_000_000));
  let sink = 0;
  const figures = measure(400, () => {
    const copy = numbers.slice();
    copy.sort((a, b) => a - b);
    sink += copy[0];
  });
  if (sink < 0) console.log(sink);
  return figures;
}

function bench(
  label: string,
  ruleSet: RuleSet,
  makeEntry: (seq: number, teamId: string, round: number) => LedgerRecord,
  rounds: number,
): void {
  const list = teams();
  const entries: LedgerRecord[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const team of list) entries.push(makeEntry(entries.length + 1, team.id, round));
  }
  const base = entries.slice(0, entries.length - 1_000);
  const tail = entries.slice(entries.length - 1_000);

  let state: StandingsState = createStandingsState(ruleSet, list);
  for (const entry of base) state = applyEntry(state, entry);
  standingsOf(state);
  const incremental = measure(tail.length, (i) => {
    state = applyEntry(state, tail[i]);
    standingsOf(state);
  });

  // Cold: payloads never seen before (server start). Warm: the same ledger objects again
  // (parsed payloads are remembered per object).
  const copies = Array.from(
    { length: 12 },
    () => JSON.parse(JSON.stringify(entries)) as LedgerRecord[],
  );
  const cold = measure(copies.length, (i) => computeStandings(ruleSet, list, copies[i]));
  computeStandings(ruleSet, list, entries);
  const full = measure(30, () => computeStandings(ruleSet, list, entries));

  const bare = baseline();
  const row = (name: string, f: Figures) =>
    `  ${name.padEnd(34)} median ${f.median.toFixed(3).padStart(8)} ms   p95 ${f.p95.toFixed(3).padStart(8)} ms   ×${(f.median / bare.median).toFixed(1)} bare`;
  console.log(`${label}: ${TEAMS} teams, ${entries.length} ledger entries`);
  console.log(row('bare: copy + sort 2,000 numbers', bare));
  console.log(row('full recompute, cold', cold));
  console.log(row('full recompute, warm', full));
  console.log(row('one entry (applyEntry + standingsOf)', incremental));
  const verdict = (f: Figures) => (f.median <= 5 ? 'within' : 'above');
  console.log(
    `  5 ms budget: one update ${incremental.p95 <= 5 ? 'within' : 'above'} (p95); full recompute warm ${verdict(full)}, cold ${verdict(cold)} (median)`,
  );
}

bench(
  'maze (best of 3 attempts)',
  presetRuleSet('maze-default') as RuleSet,
  (seq, teamId, round) => mazeAttempt(seq, teamId, round),
  3,
);
bench(
  'programming (best per task)',
  presetRuleSet('programming-default') as RuleSet,
  (seq, teamId) => programmingTask(seq, teamId),
  3,
);
