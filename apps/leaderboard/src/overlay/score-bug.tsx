import { routes, type PublicBracketMatch } from '@olympiad/contracts';
import { createApiClient, useQuery } from '@olympiad/ui';
import { useEffect, useMemo } from 'react';

/**
 * A round recorded mid-match changes no standings row, so no live delta announces it: while a
 * match is on air the bracket is asked again this often.
 */
const ROUND_POLL_MS = 2_000;

/**
 * The match a score bug shows: the one under way, else the last one decided, else the next ready
 * one (the bracket lists matches in playing order).
 */
export function matchOnAir(matches: readonly PublicBracketMatch[]): PublicBracketMatch | undefined {
  const playing = matches.find(
    (match) => match.status === 'in-progress' || match.status === 'awaiting-decision',
  );
  if (playing) return playing;
  const finished = matches.filter((match) => match.status === 'finished' && match.a && match.b);
  return finished.at(-1) ?? matches.find((match) => match.status === 'ready');
}

/**
 * A sumo match's score bug: both robots, their points and warnings as recorded round by round,
 * the winner marked. Reloaded with every standings change of the category, and every
 * ROUND_POLL_MS while its match is not over.
 */
export function ScoreBug({
  categoryId,
  version,
  fetch,
}: {
  categoryId: string;
  version: number;
  fetch?: typeof globalThis.fetch;
}) {
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const bracket = useQuery(
    (signal) => api.call(routes.public.categoryBracket, { params: { id: categoryId } }, { signal }),
    [api, categoryId, version],
  );
  const data = bracket.data?.categoryId === categoryId ? bracket.data : undefined;
  const match = data ? matchOnAir(data.matches) : undefined;
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
    </section>
  );
}
