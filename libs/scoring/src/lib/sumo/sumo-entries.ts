import { z } from 'zod';
import { fieldError } from '../common/validated';
import { intAtLeast } from '../common/zod-helpers';
import type { FieldError } from '../ledger.types';
import { SUMO_FORMATS, type SumoRuleSet } from './sumo-rules';

export const SUMO_DRAW = 'sumo.draw';
export const SUMO_MATCH = 'sumo.match';

const teamId = z.string().min(1).max(100);
const side = z.enum(['a', 'b']);

/**
 * The organiser's draw, recorded in the ledger so that every match and final place follows from
 * the ledger alone. Groups for round robin and groups-playoff; bracket slots (a power of two, null
 * for a bye) for single and double elimination. The newest draw counts.
 */
export const sumoDrawPayloadSchema = z
  .object({
    format: z.enum(SUMO_FORMATS),
    /** The seed the draw was made with (drawSumo), kept so that it can be shown and repeated. */
    seed: intAtLeast(0).nullable().default(null),
    groups: z.array(z.array(teamId).min(2).max(16)).max(64).default([]),
    bracket: z.array(teamId.nullable()).max(256).default([]),
  })
  .strict();
export type SumoDrawPayload = z.infer<typeof sumoDrawPayloadSchema>;

/** One round outcome or match event, in the order it happened. */
export const sumoEventSchema = z.discriminatedUnion('type', [
  /** A point (yuko) to one robot: the round is won. */
  z.object({ type: z.literal('point'), side }).strict(),
  /** The round is a draw (robots locked or idle). */
  z.object({ type: z.literal('draw') }).strict(),
  /** Neither robot moved, or both fell without contact: the round is replayed (then counts as a draw). */
  z.object({ type: z.literal('null-start') }).strict(),
  /** A warning to one robot; every N warnings give the opponent a point. */
  z.object({ type: z.literal('warning'), side }).strict(),
  /** The match time (or, per-round timing, the round time) ran out. */
  z.object({ type: z.literal('time-up') }).strict(),
  /** The judges' decision after an undecided extension. */
  z.object({ type: z.literal('decision'), side }).strict(),
  /** A team not at the ring in time loses the match ('both': both lose). */
  z.object({ type: z.literal('no-show'), side: z.enum(['a', 'b', 'both']) }).strict(),
  /** A major violation: the robot loses the match. */
  z.object({ type: z.literal('disqualification'), side }).strict(),
]);
export type SumoEvent = z.infer<typeof sumoEventSchema>;

/**
 * Events of one match, named by the tournament's match id and its two teams (checked against the
 * draw). A match may be sent round by round: the events of every entry for the match are joined in
 * ledger order.
 */
export const sumoMatchPayloadSchema = z
  .object({
    matchId: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
    a: teamId,
    b: teamId,
    events: z.array(sumoEventSchema).min(1).max(100),
  })
  .strict();
export type SumoMatchPayload = z.infer<typeof sumoMatchPayloadSchema>;

export function checkSumoDraw(ruleSet: SumoRuleSet, payload: SumoDrawPayload): FieldError[] {
  const errors: FieldError[] = [];
  const format = ruleSet.params.tournament.format;
  if (payload.format !== format) {
    errors.push(
      fieldError(
        'format',
        'scoring.sumo.drawFormat',
        `the rules say ${format}, the draw is ${payload.format}`,
        { value: payload.format },
      ),
    );
  }
  const grouped = payload.format === 'round-robin' || payload.format === 'groups-playoff';
  if (grouped && (payload.groups.length === 0 || payload.bracket.length > 0)) {
    errors.push(
      fieldError(
        'groups',
        'scoring.sumo.drawNeedsGroups',
        'a group draw lists groups and no bracket',
      ),
    );
  }
  if (!grouped) {
    const size = payload.bracket.length;
    if (size < 2 || (size & (size - 1)) !== 0 || payload.groups.length > 0) {
      errors.push(
        fieldError(
          'bracket',
          'scoring.sumo.bracketSize',
          'a bracket has a power-of-two number of slots (2, 4, 8 …) and no groups',
        ),
      );
    }
  }
  const all = [...payload.groups.flat(), ...payload.bracket.filter((t): t is string => t !== null)];
  if (new Set(all).size !== all.length) {
    errors.push(fieldError('', 'scoring.sumo.teamDrawnTwice', 'a team appears twice in the draw'));
  }
  if (all.length < 2)
    errors.push(fieldError('', 'scoring.sumo.drawTooSmall', 'a draw needs at least two teams'));
  return errors;
}

export function checkSumoMatch(_ruleSet: SumoRuleSet, payload: SumoMatchPayload): FieldError[] {
  return payload.a === payload.b
    ? [fieldError('b', 'scoring.sumo.sameTeam', 'a match is between two different teams')]
    : [];
}
