import { fieldError } from '../common/validated';
import type { FieldError } from '../ledger.types';
import { VOID } from '../ledger/generic-entries';
import { SUMO_MATCH } from '../sumo/sumo-entries';

/** What a protest disputes (the shape of the protest's `target`). */
export type ProtestedObject =
  { kind: 'entry'; entryId: string } | { kind: 'match'; matchId: string } | { kind: 'ranking' };

interface EntrySide {
  id: string;
  kind: string;
  teamId: string | null;
  payload: unknown;
}

/**
 * An upheld protest corrects only what was protested (docs/rules.md#protests):
 * - an entry: the correction supersedes that entry or a later correction of it;
 * - a sumo match: the correction is an entry of that match (a void of one of its entries);
 * - a ranking: the correction is one of the protesting team's own entries.
 * `chain` is the entry the correction supersedes followed by the entries it corrects, in turn
 * (empty when it supersedes nothing). Returns why not, or null when the correction fits.
 */
export function correctionOutsideProtest(
  target: ProtestedObject,
  protestingTeamId: string,
  correction: Omit<EntrySide, 'id'> & { supersedes?: string | null },
  chain: readonly EntrySide[],
): FieldError | null {
  const superseded = chain[0];
  if (target.kind === 'entry') {
    return chain.some((entry) => entry.id === target.entryId)
      ? null
      : fieldError(
          'correction.supersedes',
          'protests.correctionOtherObject',
          `the correction replaces the protested entry ${target.entryId} (or its latest correction)`,
        );
  }
  if (target.kind === 'match') {
    const ofMatch = (entry: Omit<EntrySide, 'id'>) =>
      entry.kind === SUMO_MATCH && matchIdOf(entry.payload) === target.matchId;
    const fits =
      (correction.kind === VOID ? superseded !== undefined : ofMatch(correction)) &&
      (superseded === undefined || ofMatch(superseded));
    return fits
      ? null
      : fieldError(
          'correction',
          'protests.correctionOtherObject',
          `the correction is an entry of the protested match ${target.matchId}`,
        );
  }
  const ownTeam =
    (correction.kind === VOID || correction.teamId === protestingTeamId) &&
    (superseded === undefined || superseded.teamId === protestingTeamId) &&
    (correction.kind !== VOID || superseded !== undefined);
  return ownTeam
    ? null
    : fieldError(
        'correction.teamId',
        'protests.correctionOtherObject',
        "a protest against the ranking corrects only the protesting team's own entries",
      );
}

function matchIdOf(payload: unknown): unknown {
  return payload && typeof payload === 'object'
    ? (payload as Record<string, unknown>)['matchId']
    : undefined;
}
