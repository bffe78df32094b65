import { fieldError } from '../common/validated';
import type { FieldError } from '../ledger.types';
import { MAZE_ATTEMPT } from '../maze/maze-entries';
import { SUMO_MATCH } from '../sumo/sumo-entries';
import { VOID } from './generic-entries';

/** What a correction and the entry it supersedes are compared on. */
export interface CorrectionSide {
  kind: string;
  teamId: string | null;
  payload: unknown;
}

/**
 * A correction replaces the same scored object as the entry it supersedes (docs/rules.md#corrections):
 * the same kind and team, and for a maze attempt the same attempt number, for a sumo match the same
 * match. A void removes whatever it names. Returns why not, or null when the correction fits.
 */
export function correctionMismatch(
  original: CorrectionSide,
  correction: CorrectionSide,
): FieldError | null {
  if (correction.kind === VOID) return null;
  if (correction.kind !== original.kind) {
    return fieldError(
      'kind',
      'scoring.ledger.correctionOtherObject',
      `a correction of a ${original.kind} entry is a ${original.kind} entry, not ${correction.kind}`,
    );
  }
  if (correction.teamId !== original.teamId) {
    return fieldError(
      'teamId',
      'scoring.ledger.correctionOtherObject',
      'a correction is for the same team as the entry it replaces',
    );
  }
  const identity = IDENTITY[original.kind];
  if (identity) {
    const was = field(original.payload, identity);
    const now = field(correction.payload, identity);
    if (was !== now) {
      return fieldError(
        `payload.${identity}`,
        'scoring.ledger.correctionOtherObject',
        `a correction replaces ${identity} ${String(was)}, not ${String(now)}`,
      );
    }
  }
  return null;
}

/** The payload field that names the scored object, per entry kind. */
const IDENTITY: Readonly<Record<string, string>> = {
  [MAZE_ATTEMPT]: 'attempt',
  [SUMO_MATCH]: 'matchId',
};

function field(payload: unknown, name: string): unknown {
  return payload && typeof payload === 'object'
    ? (payload as Record<string, unknown>)[name]
    : undefined;
}
