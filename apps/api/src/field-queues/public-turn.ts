import type { FieldQueue, PublicTurn } from '@olympiad/contracts';

/**
 * A team's turn from the stage's field queues: a maze team's place at its table, a sumo team's
 * first match still to play on a ring (the match a ring holds is now). Nothing of its results.
 */
export function turnOfTeam(queues: readonly FieldQueue[], teamId: string): PublicTurn {
  for (const field of queues) {
    const entry = field.teams.find((team) => team.teamId === teamId);
    if (entry)
      return entry.nextAttempt === null
        ? { state: 'done', waitMs: null }
        : { state: 'waiting', waitMs: entry.waitMs ?? null };
  }
  const plays = (match: { a: { teamId: string }; b: { teamId: string } }) =>
    match.a.teamId === teamId || match.b.teamId === teamId;
  const waits = queues.flatMap((field) =>
    (field.upcoming ?? []).filter(plays).map((match) => match.waitMs),
  );
  if (waits.length === 0) return { state: 'unknown', waitMs: null };
  const known = waits.filter((wait): wait is number => wait !== null);
  return { state: 'waiting', waitMs: known.length === waits.length ? Math.min(...known) : null };
}
