import {
  nextSumoMatch,
  slotsEnteredBy,
  SUMO_MATCH,
  type LedgerRecord,
  type ReviewState,
  type SumoTournament,
} from '@olympiad/scoring';

/**
 * The matches of a double-entry category (docs/rules.md#double-entry) this judge has nothing more
 * to enter for, by match id: the ones they entered that await the second judge, and every one in
 * review. The ring goes on without offering them to this judge again.
 */
export function ownEnteredMatches(
  records: readonly LedgerRecord[],
  judgeId: string,
): Map<string, ReviewState> {
  const prefix = `${SUMO_MATCH}:`;
  const matches = new Map<string, ReviewState>();
  for (const [slot, state] of slotsEnteredBy(records, judgeId)) {
    if (slot.startsWith(prefix)) matches.set(slot.slice(prefix.length), state);
  }
  return matches;
}

/** The tablet's own pick of the next match (offline, or no ring), past the ones this judge entered. */
export function nextOwnSumoMatch(
  tournament: SumoTournament,
  entered: ReadonlyMap<string, ReviewState>,
): ReturnType<typeof nextSumoMatch> {
  if (entered.size === 0) return nextSumoMatch(tournament);
  return nextSumoMatch({
    ...tournament,
    groups: tournament.groups.map((group) => ({
      ...group,
      matches: group.matches.filter((match) => !entered.has(match.id)),
    })),
    bracket: tournament.bracket.filter((match) => !entered.has(match.id)),
  });
}
