import { routes, type PublicBracketMatch } from '@olympiad/contracts';
import { createApiClient, useLanguage, useQuery } from '@olympiad/ui';
import { useMemo } from 'react';

/** Matches in columns: one per stage and round, in the order the rules list them. */
export function bracketColumns(matches: readonly PublicBracketMatch[]): PublicBracketMatch[][] {
  const columns = new Map<string, PublicBracketMatch[]>();
  for (const match of matches) {
    const key = `${match.stage}:${match.round}`;
    columns.set(key, [...(columns.get(key) ?? []), match]);
  }
  return [...columns.values()];
}

/**
 * A sumo playoff on the hall screen. Reloaded whenever the category's standings version moves,
 * so a recorded match shows up with the standings it changed.
 */
export function SumoBracket({
  categoryId,
  version,
  fetch,
  fallback,
}: {
  categoryId: string;
  version: number;
  fetch?: typeof globalThis.fetch;
  fallback: React.ReactNode;
}) {
  const { t } = useLanguage();
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const bracket = useQuery(
    (signal) => api.call(routes.public.categoryBracket, { params: { id: categoryId } }, { signal }),
    [api, categoryId, version],
  );
  const data = bracket.data?.categoryId === categoryId ? bracket.data : undefined;
  if (!data || data.matches.length === 0) return fallback;
  const name = (teamId: string | null) => (teamId ? (data.teams[teamId]?.name ?? '…') : '—');
  return (
    <div className="bracket" aria-label={t('board.bracket')}>
      {bracketColumns(data.matches).map((column) => (
        <ol key={`${column[0].stage}:${column[0].round}`} className="bracket__column">
          {column.map((match) => (
            <li
              key={match.id}
              className={`bracket__match bracket__match--${match.status}`}
              data-stage={match.stage}
            >
              {match.stage === 'final' || match.stage === 'third-place' ? (
                <span className="bracket__label">
                  {t(match.stage === 'final' ? 'board.bracket.final' : 'board.bracket.third')}
                </span>
              ) : null}
              {[match.a, match.b].map((teamId, side) => (
                <span
                  key={side}
                  className={
                    match.winner && teamId === match.winner
                      ? 'bracket__team bracket__team--won'
                      : 'bracket__team'
                  }
                >
                  {name(teamId)}
                </span>
              ))}
            </li>
          ))}
        </ol>
      ))}
    </div>
  );
}
