import { seededRandom, type SeededRandom } from '../common/seeded-random';
import type { TeamRef } from '../ledger.types';
import { meetingRound, nextPowerOfTwo, slotOfSeed } from './bracket-positions';
import type { SumoDrawPayload } from './sumo-entries';
import type { SumoRuleSet, SumoTournamentRules } from './sumo-rules';

/** How much two teams should be kept apart; 0 when it does not matter. */
export type Conflict = (a: string, b: string) => number;

const SAME_SCHOOL = 1_000;
const SAME_REGION = 1;

/** Teams of the same school are kept apart first, then teams of the same region. */
export function schoolRegionConflict(teams: readonly TeamRef[]): Conflict {
  const byId = new Map(teams.map((t) => [t.id, t]));
  return (a, b) => {
    const x = byId.get(a);
    const y = byId.get(b);
    if (!x || !y) return 0;
    if (x.schoolId && x.schoolId === y.schoolId) return SAME_SCHOOL;
    return x.regionCode && x.regionCode === y.regionCode ? SAME_REGION : 0;
  };
}

function pickLowest<T>(
  candidates: readonly T[],
  cost: (c: T) => number,
  random: SeededRandom | null,
): T {
  let best: T[] = [];
  let bestCost = Infinity;
  for (const c of candidates) {
    const value = cost(c);
    if (value < bestCost) {
      best = [c];
      bestCost = value;
    } else if (value === bestCost) best.push(c);
  }
  return random ? random.pick(best) : best[0];
}

/**
 * Places teams (in the order given) into the free slots of a bracket, each where it conflicts least
 * with the teams already placed; a conflict costs more the earlier the two would meet. Equal
 * choices are drawn with `random`, or the lowest slot when null.
 */
export function placeInBracket(
  slots: (string | null)[],
  free: readonly number[],
  teamIds: readonly string[],
  conflict: Conflict,
  random: SeededRandom | null,
): (string | null)[] {
  const rounds = Math.round(Math.log2(slots.length));
  const open = new Set(free);
  for (const team of teamIds) {
    const cost = (slot: number) => {
      let total = 0;
      slots.forEach((other, otherSlot) => {
        if (other === null) return;
        const c = conflict(team, other);
        if (c > 0) total += c * 2 ** (rounds - meetingRound(slot, otherSlot));
      });
      return total;
    };
    const slot = pickLowest([...open], cost, random);
    slots[slot] = team;
    open.delete(slot);
  }
  return slots;
}

/** Hardest to separate first: teams of the largest schools, in random order within a school size. */
function separationOrder(teams: readonly TeamRef[], random: SeededRandom): string[] {
  const schoolSize = new Map<string, number>();
  for (const t of teams)
    if (t.schoolId) schoolSize.set(t.schoolId, (schoolSize.get(t.schoolId) ?? 0) + 1);
  const sizeOf = (t: TeamRef) => (t.schoolId ? (schoolSize.get(t.schoolId) as number) : 1);
  return random
    .shuffle(teams)
    .sort((x, y) => sizeOf(y) - sizeOf(x))
    .map((t) => t.id);
}

/** A seeded bracket of `size` slots whose byes face the top seeds (so they are spread out). */
export function byeSlots(size: number, teamCount: number): number[] {
  return slotOfSeed(size).slice(teamCount);
}

/** Balanced group sizes (differing by at most one) within the rules' group size limits where possible. */
export function groupCount(rules: SumoTournamentRules, teamCount: number): number {
  if (teamCount <= rules.groupSizeMax) return 1;
  return Math.ceil(teamCount / rules.groupSizeMax);
}

export function splitIntoGroups(
  teamIds: readonly string[],
  groups: number,
  conflict: Conflict,
  random: SeededRandom | null,
): string[][] {
  const out: string[][] = Array.from({ length: groups }, () => []);
  const capacity = (i: number) =>
    Math.floor(teamIds.length / groups) + (i < teamIds.length % groups ? 1 : 0);
  for (const team of teamIds) {
    const open = out.map((_, i) => i).filter((i) => out[i].length < capacity(i));
    const cost = (i: number) =>
      out[i].reduce((sum, other) => sum + conflict(team, other), 0) * 1_000 + out[i].length;
    out[pickLowest(open, cost, random)].push(team);
  }
  return out;
}

/**
 * The organiser's draw for a sumo category, to be recorded as a sumo.draw entry. Active teams only.
 * With seeding 'separate', teams of the same school (then region) go to different groups, or as
 * far apart in the bracket as possible; 'random' ignores schools. The same seed gives the same draw.
 */
export function drawSumo(
  ruleSet: SumoRuleSet,
  teams: readonly TeamRef[],
  seed: number,
): SumoDrawPayload {
  const { tournament } = ruleSet.params;
  const active = teams.filter((t) => t.status === 'active');
  const random = seededRandom(seed);
  const conflict: Conflict =
    tournament.seeding === 'separate' ? schoolRegionConflict(active) : () => 0;
  const order = separationOrder(active, random);
  if (tournament.format === 'round-robin' || tournament.format === 'groups-playoff') {
    const groups = splitIntoGroups(order, groupCount(tournament, active.length), conflict, random);
    return {
      format: tournament.format,
      seed,
      groups: groups.filter((g) => g.length > 0),
      bracket: [],
    };
  }
  const size = nextPowerOfTwo(active.length);
  const slots: (string | null)[] = new Array(size).fill(null);
  const byes = new Set(byeSlots(size, active.length));
  const free = slots.map((_, i) => i).filter((i) => !byes.has(i));
  return {
    format: tournament.format,
    seed,
    groups: [],
    bracket: placeInBracket(slots, free, order, conflict, random),
  };
}

/**
 * The playoff bracket from group results: group winners on the top seed lines in group order, the
 * next places placed to meet a team of their own group as late as possible. Deterministic.
 */
export function playoffSlots(
  tiers: readonly (readonly { teamId: string; group: number }[])[],
): (string | null)[] {
  const teams = tiers.flat();
  const size = nextPowerOfTwo(teams.length);
  const slots: (string | null)[] = new Array(size).fill(null);
  const seedSlots = slotOfSeed(size);
  const groupOf = new Map(teams.map((t) => [t.teamId, t.group]));
  const first = tiers[0] ?? [];
  first.forEach((team, i) => (slots[seedSlots[i]] = team.teamId));
  const byes = new Set(byeSlots(size, teams.length));
  const free = slots.map((_, i) => i).filter((i) => slots[i] === null && !byes.has(i));
  const sameGroup: Conflict = (a, b) => (groupOf.get(a) === groupOf.get(b) ? 1 : 0);
  return placeInBracket(
    slots,
    free,
    tiers
      .slice(1)
      .flat()
      .map((t) => t.teamId),
    sameGroup,
    null,
  );
}
