import type { SeededRandom } from '../lib/common/seeded-random';
import type { LedgerRecord, TeamRef } from '../lib/ledger.types';
import { presetRuleSet } from '../lib/rule-set/presets';
import type { RuleSet } from '../lib/rule-set/rule-set';
import type { SumoRuleSet } from '../lib/sumo/sumo-rules';
import { drawSumo } from '../lib/sumo/seeding';
import type { SumoEvent } from '../lib/sumo/sumo-entries';
import { sumoTournamentOf } from '../lib/sumo/sumo-tournament-of';

/**
 * Random ledgers for property tests: corrections, voids, duplicates, ties, junk. Every choice is
 * read from a `SeededRandom`; the fast-check arbitraries (arbitraries.ts) feed it from a shrinkable
 * tape of integers, so a failing ledger shrinks to a short one made of the first options.
 */
export interface RandomCase {
  kind: CaseKind;
  ruleSet: RuleSet;
  teams: TeamRef[];
  entries: LedgerRecord[];
}

const SCHOOLS = ['s1', 's2', 's3'];
const REGIONS = ['KZ-AKM', 'KZ-ALA'];
const NAMES = [
  'Алтын',
  'Әлем',
  'Қыран',
  'Лашын',
  'Ұшқыр',
  'Бүркіт',
  'Іңкәр',
  'Team 2',
  'Team 10',
  'Өркен',
  'Жұлдыз',
  'Сұңқар',
];

export function randomTeams(random: SeededRandom, count: number): TeamRef[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `team-${i + 1}`,
    name: NAMES[i % NAMES.length] + (i >= NAMES.length ? ` ${i}` : ''),
    schoolId: random.pick(SCHOOLS),
    regionCode: random.pick(REGIONS),
    status:
      random.next() < 0.08
        ? random.pick(['absent', 'disqualified', 'withdrawn'] as const)
        : 'active',
  }));
}

class LedgerBuilder {
  readonly entries: LedgerRecord[] = [];
  constructor(private readonly random: SeededRandom) {}

  add(
    kind: string,
    teamId: string | null,
    payload: unknown,
    supersedes: string | null = null,
  ): LedgerRecord {
    const seq = this.entries.length + 1;
    const record: LedgerRecord = {
      id: `r${seq}`,
      seq,
      kind,
      teamId,
      payload,
      supersedes,
      authorId: 'j',
      recordedAt: new Date(Date.UTC(2025, 0, 1, 9, 0, seq)).toISOString(),
    };
    this.entries.push(record);
    return record;
  }

  /** Sometimes corrects, voids or re-sends an earlier entry, or adds something the rules must ignore. */
  noise(teams: readonly TeamRef[], makePayload: () => unknown, kind: string): void {
    const r = this.random.next();
    const earlier = this.entries.length > 0 ? this.random.pick(this.entries) : null;
    if (r < 0.12 && earlier)
      this.add(
        earlier.kind === 'void' ? kind : earlier.kind,
        this.random.next() < 0.8 ? earlier.teamId : this.random.pick(teams).id,
        makePayload(),
        earlier.id,
      );
    else if (r < 0.18 && earlier) this.add('void', null, { reason: 'test' }, earlier.id);
    else if (r < 0.2 && earlier) this.entries.push({ ...earlier });
    else if (r < 0.22) this.add(kind, 'unknown-team', makePayload());
    else if (r < 0.24) this.add(kind, this.random.pick(teams).id, { nonsense: true });
    else if (r < 0.26)
      this.add('team.status', this.random.pick(teams).id, {
        status: this.random.pick(['disqualified', 'active', 'absent']),
        reason: 'test',
      });
    else if (r < 0.27) this.add('void', null, {}, 'no-such-entry');
  }
}

function mazeCase(
  random: SeededRandom,
  teams: TeamRef[],
  ruleSet: RuleSet,
  length: number,
): LedgerRecord[] {
  const b = new LedgerBuilder(random);
  const payload = () => {
    const outcome = random.pick([
      'finished',
      'finished',
      'finished',
      'not-finished',
      'void',
    ] as const);
    const checkpoints =
      ruleSet.discipline === 'maze' ? ruleSet.params.checkpoints.map((c) => c.id) : [];
    const reached =
      outcome === 'not-finished' ? checkpoints.slice(0, random.int(checkpoints.length + 1)) : [];
    return {
      attempt: 1 + random.int(3),
      outcome,
      timeMs: outcome === 'finished' ? 40_000 + 5_000 * random.int(6) : null,
      touches: random.int(4),
      checkpoints: reached,
      lastCheckpointMs: reached.length > 0 ? 10_000 * (1 + random.int(5)) : null,
      endedBy: null,
      timing: random.pick(['sensor', 'stopwatch', null] as const),
    };
  };
  for (let i = 0; i < length; i++) {
    b.add('maze.attempt', random.pick(teams).id, payload());
    b.noise(teams, payload, 'maze.attempt');
  }
  return b.entries;
}

function programmingCase(random: SeededRandom, teams: TeamRef[], length: number): LedgerRecord[] {
  const b = new LedgerBuilder(random);
  const payload = () => ({
    task: random.pick(['A', 'B', 'C']),
    points: random.pick([0, 20, 50, 100]),
    groups: null,
    timeMs: null,
  });
  for (let i = 0; i < length; i++) {
    b.add('programming.task', random.pick(teams).id, payload());
    b.noise(teams, payload, 'programming.task');
  }
  return b.entries;
}

function creativeCase(random: SeededRandom, teams: TeamRef[], length: number): LedgerRecord[] {
  const b = new LedgerBuilder(random);
  const criteria = [
    'research',
    'originality',
    'engineering',
    'programming',
    'presentation',
    'teamwork',
  ];
  const payload = () => ({
    judgeId: random.pick(['j1', 'j2', 'j3', 'j4', 'j5']),
    marks: Object.fromEntries(criteria.map((c) => [c, 5 + random.int(5)])),
    comments: {},
  });
  for (let i = 0; i < length; i++) {
    b.add('creative.marks', random.pick(teams).id, payload());
    b.noise(teams, payload, 'creative.marks');
    if (random.next() < 0.05) {
      const order = random.shuffle(teams.map((t) => t.id)).slice(0, 2 + random.int(3));
      b.add('ranking.decision', null, { scope: 'category', order });
    }
  }
  return b.entries;
}

export function randomEvents(random: SeededRandom): SumoEvent[] {
  const events: SumoEvent[] = [];
  const count = 1 + random.int(6);
  for (let i = 0; i < count; i++) {
    const r = random.next();
    if (r < 0.55) events.push({ type: 'point', side: random.pick(['a', 'b'] as const) });
    else if (r < 0.65) events.push({ type: 'draw' });
    else if (r < 0.72) events.push({ type: 'null-start' });
    else if (r < 0.8) events.push({ type: 'warning', side: random.pick(['a', 'b'] as const) });
    else if (r < 0.9) events.push({ type: 'time-up' });
    else if (r < 0.95) events.push({ type: 'decision', side: random.pick(['a', 'b'] as const) });
    else events.push({ type: 'no-show', side: random.pick(['a', 'b'] as const) });
  }
  return events;
}

/** Plays a sumo tournament from a random draw: each step records events for a match that is ready or under way. */
function sumoCase(
  random: SeededRandom,
  teams: TeamRef[],
  ruleSet: SumoRuleSet,
  length: number,
): LedgerRecord[] {
  const b = new LedgerBuilder(random);
  b.add('sumo.draw', null, drawSumo(ruleSet, teams, random.int(1_000_000)));
  for (let i = 0; i < length; i++) {
    const tournament = sumoTournamentOf(ruleSet, teams, b.entries);
    const open = [...tournament.groups.flatMap((g) => g.matches), ...tournament.bracket].filter(
      (m) => m.status === 'ready' || m.status === 'in-progress' || m.status === 'awaiting-decision',
    );
    if (open.length === 0) break;
    const match = random.pick(open);
    const payload = { matchId: match.id, a: match.a, b: match.b, events: randomEvents(random) };
    b.add('sumo.match', null, payload);
    if (random.next() < 0.1) {
      const earlier = random.pick(b.entries.filter((e) => e.kind === 'sumo.match'));
      const p = earlier.payload as { matchId: string; a: string; b: string };
      b.add('sumo.match', null, { ...p, events: randomEvents(random) }, earlier.id);
    }
    if (random.next() < 0.03) b.add('void', null, {}, random.pick(b.entries).id);
    if (random.next() < 0.04) {
      const group = tournament.groups.length > 0 ? random.pick(tournament.groups) : null;
      if (group)
        b.add('ranking.decision', null, {
          scope: `group:${group.id}`,
          order: random.shuffle(group.teamIds),
        });
    }
  }
  return b.entries;
}

export type CaseKind =
  | 'maze'
  | 'maze-checkpoints'
  | 'maze-mean'
  | 'programming'
  | 'creative'
  | 'creative-normalised'
  | 'sumo'
  | 'sumo-se'
  | 'sumo-de'
  | 'sumo-rr';

export function randomCase(kind: CaseKind, random: SeededRandom): RandomCase {
  const teams = randomTeams(random, 2 + random.int(kind.startsWith('sumo') ? 11 : 9));
  const length = 5 + random.int(40);
  switch (kind) {
    case 'maze':
    case 'maze-checkpoints':
    case 'maze-mean': {
      const ruleSet = presetRuleSet(
        kind === 'maze' ? 'maze-default' : 'maze-checkpoints',
      ) as RuleSet & { discipline: 'maze' };
      // Every attempt counts: touches cost points, so an attempt can end with negative points.
      if (kind === 'maze-mean') ruleSet.params.teamResult = { mode: 'mean' };
      return { kind, ruleSet, teams, entries: mazeCase(random, teams, ruleSet, length) };
    }
    case 'programming':
      return {
        kind,
        ruleSet: presetRuleSet('programming-default') as RuleSet,
        teams,
        entries: programmingCase(random, teams, length),
      };
    case 'creative':
    case 'creative-normalised': {
      const ruleSet = presetRuleSet('creative-default') as RuleSet & { discipline: 'creative' };
      if (kind === 'creative-normalised') ruleSet.params.combine = 'normalised';
      return { kind, ruleSet, teams, entries: creativeCase(random, teams, length) };
    }
    default: {
      const ruleSet = presetRuleSet(
        kind === 'sumo-de' ? 'mini-sumo' : 'sumo-default',
      ) as SumoRuleSet;
      if (kind === 'sumo-se') ruleSet.params.tournament.format = 'single-elimination';
      if (kind === 'sumo-rr') ruleSet.params.tournament.format = 'round-robin';
      return { kind, ruleSet, teams, entries: sumoCase(random, teams, ruleSet, length) };
    }
  }
}

export const ALL_CASE_KINDS: readonly CaseKind[] = [
  'maze',
  'maze-checkpoints',
  'maze-mean',
  'programming',
  'creative',
  'creative-normalised',
  'sumo',
  'sumo-se',
  'sumo-de',
  'sumo-rr',
];
