/**
 * Which match a sumo ring is given next when several rings share a category (docs/rules.md#schedules):
 * never a match another ring holds, never a team that is on another ring now, and never a team
 * still resting after its last match. The API stores the choice as a claim row under the
 * category's write lock, so replicas agree (docs/deploy.md#writes-that-must-take-turns).
 */

export interface RingCandidate {
  id: string;
  a: string;
  b: string;
  /** Points already recorded (or waiting for the judges' decision). */
  underWay: boolean;
}

/** A match a ring holds: called to it and not finished yet. */
export interface RingClaim {
  matchId: string;
  fieldId: string;
}

export interface RingChoiceInput {
  fieldId: string;
  /** The category's unfinished matches between two known teams, in playing order. */
  candidates: readonly RingCandidate[];
  /** Claims of every ring on the category's matches. */
  claims: readonly RingClaim[];
  /** When each team's last finished match ended (ms since epoch). */
  lastMatchEndMs: ReadonlyMap<string, number>;
  /** The rule set's rest between a team's matches, in ms. */
  restMs: number;
  nowMs: number;
}

export type RingChoice =
  /** `held`: the ring already holds this match (asked again before it ended). */
  | { kind: 'match'; match: RingCandidate; held: boolean }
  /** Every free match has a team still resting; the first one is free at `readyAtMs`. */
  | { kind: 'resting'; match: RingCandidate; readyAtMs: number }
  | { kind: 'none' };

export function chooseRingMatch(input: RingChoiceInput): RingChoice {
  const { fieldId, candidates, claims, lastMatchEndMs, restMs, nowMs } = input;
  const open = new Set(candidates.map((match) => match.id));
  const live = claims.filter((claim) => open.has(claim.matchId));
  const mine = live.find((claim) => claim.fieldId === fieldId);
  const held = mine && candidates.find((match) => match.id === mine.matchId);
  if (held) return { kind: 'match', match: held, held: true };

  const takenIds = new Set(live.map((claim) => claim.matchId));
  const busy = new Set(
    candidates.filter((match) => takenIds.has(match.id)).flatMap((match) => [match.a, match.b]),
  );
  const free = candidates.filter(
    (match) => !takenIds.has(match.id) && !busy.has(match.a) && !busy.has(match.b),
  );
  // A match already begun goes first: its robots are at a ring, whatever the rest.
  const begun = free.find((match) => match.underWay);
  if (begun) return { kind: 'match', match: begun, held: false };

  let resting: { match: RingCandidate; readyAtMs: number } | null = null;
  for (const match of free) {
    const readyAtMs = Math.max(
      (lastMatchEndMs.get(match.a) ?? -Infinity) + restMs,
      (lastMatchEndMs.get(match.b) ?? -Infinity) + restMs,
    );
    if (readyAtMs <= nowMs) return { kind: 'match', match, held: false };
    if (!resting || readyAtMs < resting.readyAtMs) resting = { match, readyAtMs };
  }
  return resting ? { kind: 'resting', ...resting } : { kind: 'none' };
}
