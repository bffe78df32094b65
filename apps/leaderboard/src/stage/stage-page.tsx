import { matchesSearch, translateKey } from '@olympiad/i18n';
import {
  ConnectionBadge,
  describeError,
  Link,
  navigate,
  StatusBanner,
  useLanguage,
  useLocation,
} from '@olympiad/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
import { precisionOfTable, resultText, unconfirmedText } from '../standings/result-text';
import { useFollowedTeam } from './use-followed-team';

import type { LiveStandingsClient } from '../live/live-standings-client';
import { StandingsTable } from '../standings/standings-table';
import { categoryDetail } from './category-label';
import { usePublicStage } from './use-public-stage';

// Shown on some days only: kept out of a phone's first load (≤ 100 KB gzipped).
const AwardsPodium = lazy(() =>
  import('../hall/awards-podium').then((m) => ({ default: m.AwardsPodium })),
);
const QualifiersList = lazy(() =>
  import('./qualifiers-list').then((m) => ({ default: m.QualifiersList })),
);
// Only once a team is followed.
const YourTurn = lazy(() => import('./your-turn').then((m) => ({ default: m.YourTurn })));

export interface StagePageProps {
  code: string;
  client: LiveStandingsClient;
  fetch?: typeof globalThis.fetch;
}

/** `/s/:stageCode`: phone-first. Pick a category, follow its standings live, find a team. */
export function StagePage({ code, client, fetch }: StagePageProps) {
  const { lang, t } = useLanguage();
  const { search } = useLocation();
  const { loaded, live, stage, published } = usePublicStage(code, client, fetch);
  const [query, setQuery] = useState('');
  const chosenId =
    published.find((category) => category.id === search.get('c'))?.id ?? published[0]?.id;
  const [followed, toggleFollow] = useFollowedTeam(chosenId);

  useEffect(() => {
    client.watchCategories(chosenId ? [chosenId] : []);
  }, [client, chosenId]);

  if (loaded.status === 'loading' && !stage)
    return <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>;
  if (!stage) {
    const notFound =
      loaded.status === 'error' && (loaded.error as { status?: number }).status === 404;
    return (
      <>
        <StatusBanner kind="error">
          {notFound ? t('board.stageNotFound', { code }) : describeError(lang, loaded.error)}
        </StatusBanner>
        <Link href="/">{t('board.allStages')}</Link>
      </>
    );
  }

  const view = chosenId ? live.categories[chosenId] : undefined;
  const ceremonies = Object.values(live.awards).filter(
    (awards) => awards.active && awards.revealed.length > 0,
  );
  const followedRow =
    view?.status === 'live'
      ? view.standings.standings.rows.find((row) => row.teamId === followed)
      : undefined;
  const chosen = published.find((category) => category.id === chosenId);
  const rows =
    view?.status === 'live'
      ? view.standings.standings.rows.filter((row) => {
          const team = view.standings.teams[row.teamId];
          return matchesSearch(query, team ? `${team.name} ${team.school}` : '');
        })
      : [];

  return (
    <div className="stage">
      <div className="stage__head">
        <div>
          <Link href="/" className="stage__back">
            ← {t('board.allStages')}
          </Link>
          <h2 className="stage__name">{stage.name}</h2>
        </div>
        <ConnectionBadge state={live.link} quietWhenOnline />
      </div>

      <Suspense fallback={null}>
        <QualifiersList code={code} stageName={stage.name} fetch={fetch} />
      </Suspense>

      {ceremonies.map((awards) => (
        <section key={awards.categoryId} className="awards-card" aria-live="polite">
          <p className="ui-muted">{t('board.awards.revealedSoFar')}</p>
          <h3>{awards.categoryName}</h3>
          <Suspense fallback={null}>
            <AwardsPodium awards={awards} />
          </Suspense>
        </section>
      ))}

      {published.length === 0 ? (
        <StatusBanner kind="info">{t('board.categories.none')}</StatusBanner>
      ) : (
        <nav aria-label={t('board.pickCategory')} className="picker">
          {published.map((category) => (
            <button
              key={category.id}
              type="button"
              className="picker__option"
              aria-pressed={category.id === chosenId}
              onClick={() => navigate(`?c=${encodeURIComponent(category.id)}`, { replace: true })}
            >
              <span className="picker__name">{category.name}</span>
              <span className="picker__detail">{categoryDetail(category, t)}</span>
            </button>
          ))}
        </nav>
      )}

      {chosen ? (
        <section aria-labelledby="standings-title" className="stage__standings">
          <h3 id="standings-title">{chosen.name}</h3>
          {!view || view.status === 'joining' ? (
            <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>
          ) : null}
          {view?.status === 'refused' ? (
            <StatusBanner kind="info">
              {translateKey(lang, view.key, t('board.notPublished'))}
            </StatusBanner>
          ) : null}
          {view?.status === 'live' ? (
            view.standings.standings.rows.length === 0 ? (
              <StatusBanner kind="info">{t('board.standings.empty')}</StatusBanner>
            ) : (
              <>
                {followedRow && view.standings.teams[followedRow.teamId] ? (
                  <div className="following" aria-live="polite">
                    <div>
                      <p className="following__label">{t('board.following')}</p>
                      <p className="following__name">
                        {view.standings.teams[followedRow.teamId].name}
                      </p>
                      <p className="following__label">
                        {resultText(
                          followedRow,
                          t,
                          precisionOfTable(view.standings.standings.rows),
                        )}
                      </p>
                      <Suspense fallback={null}>
                        <YourTurn
                          categoryId={chosenId as string}
                          teamId={followedRow.teamId}
                          version={view.standings.version}
                          fetch={fetch}
                        />
                      </Suspense>
                      {followedRow.unconfirmed ? (
                        <p className="following__unconfirmed">
                          {t('board.unconfirmed', {
                            time:
                              unconfirmedText(
                                followedRow,
                                precisionOfTable(view.standings.standings.rows),
                              ) ?? '',
                          })}
                        </p>
                      ) : null}
                    </div>
                    {followedRow.place !== null ? (
                      <span className="following__place">
                        {t('board.following.place', { place: followedRow.place })}
                      </span>
                    ) : null}
                  </div>
                ) : null}
                <label className="search">
                  <span className="visually-hidden">{t('board.search')}</span>
                  <input
                    type="search"
                    className="ui-field__input"
                    placeholder={t('board.search')}
                    value={query}
                    onChange={(event) => setQuery(event.target.value)}
                  />
                </label>
                {rows.length === 0 ? (
                  <StatusBanner kind="info">{t('board.search.none', { query })}</StatusBanner>
                ) : (
                  <StandingsTable
                    standings={view.standings}
                    rows={rows}
                    followed={followed}
                    onFollow={toggleFollow}
                  />
                )}
              </>
            )
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
