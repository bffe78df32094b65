import type { ResolvedMatch } from './bracket-resolve';
import type { SumoTournament } from './tournament';

/** Every match of the tournament in playing order: group rounds first, then the bracket. */
export function sumoMatchesInOrder(tournament: SumoTournament): ResolvedMatch[] {
  const group = tournament.groups.flatMap((g) => g.matches).sort((x, y) => x.round - y.round);
  return [...group, ...tournament.bracket];
}

/**
 * The match the ring needs next: one under way (or waiting for the judges' decision) first, then
 * the first ready match between two known teams; null when none is left or the draw is not made.
 */
export function nextSumoMatch(
  tournament: SumoTournament,
): (ResolvedMatch & { a: string; b: string }) | null {
  const known = (match: ResolvedMatch): match is ResolvedMatch & { a: string; b: string } =>
    typeof match.a === 'string' && typeof match.b === 'string';
  const matches = sumoMatchesInOrder(tournament).filter(known);
  return (
    matches.find((m) => m.status === 'in-progress' || m.status === 'awaiting-decision') ??
    matches.find((m) => m.status === 'ready') ??
    null
  );
}
