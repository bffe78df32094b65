import { routes, type PublicBracketMatch } from '@olympiad/contracts';
import { createApiClient, useQuery } from '@olympiad/ui';
import { useEffect, useMemo } from 'react';
import type { RingClock } from '../live/live-standings-client';
import { RingClockText } from './ring-clock';

/**
 * A round recorded mid-match changes no standings row, so no live delta announces it: while a
 * match is on air the bracket is asked again this often.
 */
const ROUND_POLL_MS = 2_000;

/**
 * The match a score bug shows: the one a ring's clock was last started for, else the one under
 * way, else the last one decided, else the next ready one (the bracket lists matches in playing
 * order).
 */
export function matchOnAir(
  matches: readonly PublicBracketMatch[],
  clocked?: string,
): PublicBracketMatch | undefined {
  const onRing = clocked === undefined ? undefined : matches.find((match) => match.id === clocked);
  if (onRing) return onRing;
  const playing = matches.find(
    (match) => match.status === 'in-progress' || match.status === 'awaiting-decision',
  );
  if (playing) return playing;
  const finished = matches.filter((match) => match.status === 'finished' && match.a && match.b);
  return finished.at(-1) ?? matches.find((match) => match.status === 'ready');
}

/** Of the category's ring clocks, the one a judge touched last. */
function latestClock(clocks: readonly RingClock[]): RingClock | undefined {
  return clocks.reduce<RingClock | undefined>(
    (latest, clock) => (!latest || Date.parse(clock.at) > Date.parse(latest.at) ? clock : latest),
    undefined,
  );
}

/**
 * A sumo match's score bug: both robots, their points and warnings as recorded round by round,
 * the winner marked, and the round clock from the ring's tablet. Reloaded with every standings
 * change of the category, when a ring's clock names another match, and every ROUND_POLL_MS while
 * its match is not over.
 */
export function ScoreBug({
  categoryId,
  version,
  clocks = [],
  fetch,
}: {
  categoryId: string;
  version: number;
  /** The rings' clocks of this category. */
  clocks?: readonly RingClock[];
  fetch?: typeof globalThis.fetch;
}) {
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const clock = latestClock(clocks);
  const bracket = useQuery(
    (signal) => api.call(routes.public.categoryBracket, { params: { id: categoryId } }, { signal }),
    [api, categoryId, version, clock?.matchId],
  );
  const data = bracket.data?.categoryId === categoryId ? bracket.data : undefined;
  // Group matches first: the playoff's come after them in playing order.
  const match = data
    ? matchOnAir([...(data.groupMatches ?? []), ...data.matches], clock?.matchId)
    : undefined;
  const { reload } = bracket;
  const live = match !== undefined && match.status !== 'finished';
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(reload, ROUND_POLL_MS);
    return () => window.clearInterval(timer);
  }, [live, reload]);
  if (!data || !match) return null;
  const sides = [
    { side: 'a' as const, teamId: match.a },
    { side: 'b' as const, teamId: match.b },
  ];
  return (
    <section className="overlay__panel score-bug" data-status={match.status}>
      {sides.map(({ side, teamId }) => (
        <div
          key={side}
          className={`score-bug__side${match.winner && match.winner === teamId ? ' score-bug__side--won' : ''}`}
          data-side={side}
        >
          <span className="score-bug__team">
            {teamId ? (data.teams[teamId]?.name ?? '…') : '—'}
          </span>
          <span className="score-bug__school">
            {teamId ? (data.teams[teamId]?.school ?? '') : ''}
          </span>
          <span className="score-bug__warnings" aria-hidden="true">
            {'!'.repeat(match.score?.warnings[side] ?? 0)}
          </span>
          <span className="score-bug__points">{match.score?.points[side] ?? 0}</span>
        </div>
      ))}
      {clock && clock.matchId === match.id ? <RingClockText key={clock.at} clock={clock} /> : null}
    </section>
  );
}
