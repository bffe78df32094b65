import type { FieldQueueMatch, FieldQueueUpcomingMatch } from '@olympiad/contracts';
import {
  chooseRingMatch,
  estimatedWaitsMs,
  recentPaceMs,
  type RingCandidate,
  type RingClaim,
} from '@olympiad/scoring';
import type { SumoCategorySchedule } from './sumo-schedule';

interface RingQueuesInput {
  /** The sumo rings, in the order they are shown (by name). */
  rings: readonly { id: string }[];
  onField: Map<string, string[]>;
  schedules: readonly SumoCategorySchedule[];
  claims: readonly (RingClaim & { categoryId: string })[];
  names: ReadonlyMap<string, string>;
  nowMs: number;
}

export interface RingQueue {
  nextMatch: FieldQueueMatch | null;
  restingUntil: string | null;
  upcoming: FieldQueueUpcomingMatch[];
}

/**
 * What the console shows of each ring (docs/rules.md#schedules): the match it holds or would be
 * given, ring after ring as if each asked in turn (so two rings show different matches; nothing
 * is stored), and its categories' matches still to play with estimated starts. A match held by a
 * ring is under way now; the others follow at the category's recent pace.
 */
export function ringQueues(input: RingQueuesInput): Map<string, RingQueue> {
  const { rings, onField, schedules, names, nowMs } = input;
  const claims = new Map(
    schedules.map((schedule) => [
      schedule.categoryId,
      input.claims
        .filter((claim) => claim.categoryId === schedule.categoryId)
        .map(({ matchId, fieldId }) => ({ matchId, fieldId })),
    ]),
  );
  const scheduleOf = new Map(schedules.map((schedule) => [schedule.categoryId, schedule]));
  const waits = new Map<string, number | null>();
  for (const schedule of schedules) {
    const open = new Set(schedule.candidates.map((match) => match.id));
    const held = new Set(
      (claims.get(schedule.categoryId) ?? [])
        .filter((claim) => open.has(claim.matchId))
        .map((claim) => claim.matchId),
    );
    const waiting = schedule.candidates.filter((match) => !held.has(match.id));
    const lastFinish =
      schedule.finishTimesMs.length > 0 ? Math.max(...schedule.finishTimesMs) : null;
    const estimates = estimatedWaitsMs(
      waiting.length,
      recentPaceMs(schedule.finishTimesMs),
      lastFinish,
      nowMs,
    );
    for (const id of held) waits.set(id, 0);
    waiting.forEach((match, index) => waits.set(match.id, estimates[index]));
  }

  const asMatch = (categoryId: string, match: RingCandidate): FieldQueueMatch => ({
    categoryId,
    matchId: match.id,
    a: { teamId: match.a, name: names.get(match.a) ?? '' },
    b: { teamId: match.b, name: names.get(match.b) ?? '' },
    underWay: match.underWay,
  });

  const result = new Map<string, RingQueue>();
  for (const ring of rings) {
    const mine = (onField.get(ring.id) ?? []).flatMap((id) => scheduleOf.get(id) ?? []);
    const choices = mine.map((schedule) => ({
      schedule,
      choice: chooseRingMatch({
        ...schedule,
        fieldId: ring.id,
        claims: claims.get(schedule.categoryId) ?? [],
        nowMs,
      }),
    }));
    const picked =
      choices.find(({ choice }) => choice.kind === 'match' && choice.held) ??
      choices.find(({ choice }) => choice.kind === 'match');
    let nextMatch: FieldQueueMatch | null = null;
    if (picked && picked.choice.kind === 'match') {
      nextMatch = asMatch(picked.schedule.categoryId, picked.choice.match);
      // The rings after this one see it as taken, as they would had this ring asked first.
      if (!picked.choice.held)
        claims
          .get(picked.schedule.categoryId)
          ?.push({ matchId: nextMatch.matchId, fieldId: ring.id });
    }
    const resting = choices.flatMap(({ choice }) =>
      choice.kind === 'resting' ? [choice.readyAtMs] : [],
    );
    const upcoming = mine.flatMap((schedule) => {
      const elsewhere = new Set(
        (claims.get(schedule.categoryId) ?? [])
          .filter((claim) => claim.fieldId !== ring.id)
          .map((claim) => claim.matchId),
      );
      return schedule.candidates
        .filter((match) => !elsewhere.has(match.id))
        .map((match) => ({
          ...asMatch(schedule.categoryId, match),
          waitMs: waits.get(match.id) ?? null,
        }));
    });
    result.set(ring.id, {
      nextMatch,
      restingUntil:
        !nextMatch && resting.length > 0 ? new Date(Math.min(...resting)).toISOString() : null,
      upcoming,
    });
  }
  return result;
}
