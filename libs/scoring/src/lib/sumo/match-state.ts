import type { SumoEvent } from './sumo-entries';
import type { SumoMatchRules } from './sumo-rules';

export type Side = 'a' | 'b';
export type MatchPhase = 'regulation' | 'extension' | 'decision' | 'finished';
export type MatchHow =
  | 'points'
  | 'lead'
  | 'extension'
  | 'decision'
  | 'no-show'
  | 'disqualification'
  | 'draw'
  | 'double-no-show';

export interface MatchResult {
  /** null: a drawn group match, or both teams absent. */
  winner: Side | null;
  how: MatchHow;
}

export interface MatchState {
  phase: MatchPhase;
  /** Points (yuko) including those from warnings. */
  points: Record<Side, number>;
  warnings: Record<Side, number>;
  /** Rounds played to an end (a point or a draw) in regulation time. */
  rounds: number;
  /** Null starts in the current round. */
  nullStarts: number;
  result: MatchResult | null;
}

/** Whether a level match ends in a draw (group play) or must produce a winner. */
export type LevelMatch = 'draw' | 'extension';

export type MatchStep = { ok: true; state: MatchState } | { ok: false; reason: string };

export function startMatch(): MatchState {
  return {
    phase: 'regulation',
    points: { a: 0, b: 0 },
    warnings: { a: 0, b: 0 },
    rounds: 0,
    nullStarts: 0,
    result: null,
  };
}

const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');

function finish(state: MatchState, winner: Side | null, how: MatchHow): MatchState {
  return { ...state, phase: 'finished', result: { winner, how } };
}

/** Regulation is over (time up or every round played): the leader wins; a level match goes on or is drawn. */
function regulationOver(rules: SumoMatchRules, level: LevelMatch, state: MatchState): MatchState {
  if (state.points.a !== state.points.b)
    return finish(state, state.points.a > state.points.b ? 'a' : 'b', 'lead');
  if (level === 'draw') return finish(state, null, 'draw');
  return { ...state, phase: rules.extension.enabled ? 'extension' : 'decision', nullStarts: 0 };
}

function addPoint(
  rules: SumoMatchRules,
  level: LevelMatch,
  state: MatchState,
  side: Side,
  endsRound: boolean,
): MatchState {
  const points = { ...state.points, [side]: state.points[side] + 1 };
  if (state.phase === 'extension') return finish({ ...state, points }, side, 'extension');
  const next = {
    ...state,
    points,
    rounds: state.rounds + (endsRound ? 1 : 0),
    nullStarts: endsRound ? 0 : state.nullStarts,
  };
  if (points[side] >= rules.pointsToWin) return finish(next, side, 'points');
  return endsRound && next.rounds >= rules.maxRounds ? regulationOver(rules, level, next) : next;
}

function drawnRound(rules: SumoMatchRules, level: LevelMatch, state: MatchState): MatchState {
  if (state.phase === 'extension') return { ...state, phase: 'decision', nullStarts: 0 };
  const next = { ...state, rounds: state.rounds + 1, nullStarts: 0 };
  return next.rounds >= rules.maxRounds ? regulationOver(rules, level, next) : next;
}

/**
 * One event of a match. Regulation: first to `pointsToWin`; when time is up or all rounds are
 * played, the leader wins, a level match is drawn (group play) or goes to one extension round
 * where the first point wins; a level extension goes to the judges' decision.
 */
export function applyMatchEvent(
  rules: SumoMatchRules,
  level: LevelMatch,
  state: MatchState,
  event: SumoEvent,
): MatchStep {
  if (state.phase === 'finished') return { ok: false, reason: 'the match is already over' };
  if (event.type === 'no-show') {
    return {
      ok: true,
      state:
        event.side === 'both'
          ? finish(state, null, 'double-no-show')
          : finish(state, other(event.side), 'no-show'),
    };
  }
  if (event.type === 'disqualification')
    return { ok: true, state: finish(state, other(event.side), 'disqualification') };
  if (state.phase === 'decision') {
    return event.type === 'decision'
      ? { ok: true, state: finish(state, event.side, 'decision') }
      : { ok: false, reason: "the match waits for the judges' decision" };
  }
  switch (event.type) {
    case 'decision':
      return { ok: false, reason: 'a decision comes only after an undecided extension round' };
    case 'point':
      return { ok: true, state: addPoint(rules, level, state, event.side, true) };
    case 'draw':
      return { ok: true, state: drawnRound(rules, level, state) };
    case 'null-start': {
      const nullStarts = state.nullStarts + 1;
      if (nullStarts > rules.nullStartReplays)
        return { ok: true, state: drawnRound(rules, level, state) };
      return { ok: true, state: { ...state, nullStarts } };
    }
    case 'warning': {
      const warnings = { ...state.warnings, [event.side]: state.warnings[event.side] + 1 };
      const warned = { ...state, warnings };
      if (warnings[event.side] % rules.warningsPerPoint !== 0) return { ok: true, state: warned };
      return { ok: true, state: addPoint(rules, level, warned, other(event.side), false) };
    }
    case 'time-up':
      if (state.phase === 'extension')
        return { ok: true, state: { ...state, phase: 'decision', nullStarts: 0 } };
      return {
        ok: true,
        state:
          rules.timing === 'per-round'
            ? drawnRound(rules, level, state)
            : regulationOver(rules, level, state),
      };
  }
}

/** Plays events from the start; stops at the first event the rules do not allow. */
export function playMatch(
  rules: SumoMatchRules,
  level: LevelMatch,
  events: readonly SumoEvent[],
  from: MatchState = startMatch(),
): { state: MatchState; rejected: { index: number; reason: string } | null } {
  let state = from;
  for (let index = 0; index < events.length; index++) {
    const step = applyMatchEvent(rules, level, state, events[index]);
    if (!step.ok) return { state, rejected: { index, reason: step.reason } };
    state = step.state;
  }
  return { state, rejected: null };
}
