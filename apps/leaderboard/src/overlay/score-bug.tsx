import { routes, type PublicBracketMatch } from '@olympiad/contracts';
import { createApiClient, useQuery } from '@olympiad/ui';
import { useMemo } from 'react';

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
 * the winner marked. Reloaded with every standings change of the category.
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
