import type { BracketMatch, BracketStage, Source } from './bracket-structure';
import type { MatchHow, MatchState } from './match-state';

/** undefined: not known yet (an earlier match is not decided); null: nobody (a bye). */
export type Participant = string | null | undefined;

export type MatchStatus =
  'pending' | 'bye' | 'ready' | 'in-progress' | 'awaiting-decision' | 'finished' | 'not-needed';

export interface MatchOutcome {
  winner: string | null;
  loser: string | null;
  how: MatchHow | 'bye';
}

export interface ResolvedMatch {
  id: string;
  stage: BracketStage | 'group';
  round: number;
  a: Participant;
  b: Participant;
  status: MatchStatus;
  outcome: MatchOutcome | null;
  /** Live state when events were recorded. */
  live: MatchState | null;
}

/** Plays the recorded events of a match between two known teams; null when nothing is recorded. */
export type PlayMatch = (matchId: string, a: string, b: string) => MatchState | null;

export function statusOf(live: MatchState | null): MatchStatus {
  if (!live) return 'ready';
  if (live.phase === 'finished') return 'finished';
  return live.phase === 'decision' ? 'awaiting-decision' : 'in-progress';
}

export function outcomeOf(live: MatchState, a: string, b: string): MatchOutcome {
  const result = live.result as NonNullable<MatchState['result']>;
  if (result.winner === null) return { winner: null, loser: null, how: result.how };
  return result.winner === 'a'
    ? { winner: a, loser: b, how: result.how }
    : { winner: b, loser: a, how: result.how };
}

/**
 * Fills in who plays whom from the slots and the results so far. A team facing nobody goes through
 * without a match; a match whose teams are both absent (double no-show) sends nobody on.
 */
export function resolveBracket(
  matches: readonly BracketMatch[],
  slots: readonly (string | null)[],
  play: PlayMatch,
): ResolvedMatch[] {
  const byId = new Map<string, ResolvedMatch>();
  const participant = (source: Source): Participant => {
    if ('slot' in source) return slots[source.slot] ?? null;
    const from = byId.get('winnerOf' in source ? source.winnerOf : source.loserOf);
    if (!from?.outcome) return undefined;
    return 'winnerOf' in source ? from.outcome.winner : from.outcome.loser;
  };
  const out: ResolvedMatch[] = [];
  for (const match of matches) {
    const resolved: ResolvedMatch = {
      id: match.id,
      stage: match.stage,
      round: match.round,
      a: undefined,
      b: undefined,
      status: 'pending',
      outcome: null,
      live: null,
    };
    const gate = match.onlyIfBWins ? byId.get(match.onlyIfBWins) : undefined;
    if (gate && (!gate.outcome || gate.outcome.winner !== gate.b)) {
      resolved.status = gate.outcome ? 'not-needed' : 'pending';
    } else {
      resolved.a = participant(match.a);
      resolved.b = participant(match.b);
      const { a, b } = resolved;
      if (a === null || b === null) {
        if (a !== undefined && b !== undefined) {
          resolved.status = 'bye';
          resolved.outcome = { winner: a ?? b, loser: null, how: 'bye' };
        }
      } else if (a !== undefined && b !== undefined) {
        resolved.live = play(match.id, a, b);
        resolved.status = statusOf(resolved.live);
        if (resolved.live?.phase === 'finished') resolved.outcome = outcomeOf(resolved.live, a, b);
      }
    }
    byId.set(match.id, resolved);
    out.push(resolved);
  }
  return out;
}
