import { translateKey } from '@olympiad/i18n';
import {
  ConnectionBadge,
  describeError,
  LanguageSwitcher,
  useLanguage,
  useLocation,
} from '@olympiad/ui';
import { useEffect } from 'react';
import type { LiveStandingsClient } from '../live/live-standings-client';
import { categoryDetail } from '../stage/category-label';
import { usePublicStage } from '../stage/use-public-stage';
import { StandingsTable } from '../standings/standings-table';
import { parseEverySeconds, useRotation } from './rotation';

/** Rows that fit a 16:9 screen at the hall type size without scrolling. */
export const HALL_ROWS = 10;

export interface HallPageProps {
  code: string;
  client: LiveStandingsClient;
  fetch?: typeof globalThis.fetch;
}

/**
 * `/hall/:stageCode`: the hall screen. Full screen, large type, light on dark; rotates through
 * the published categories every `?every=` seconds. Every published category is followed at once,
 * so a category is current the moment it comes round.
 */
export function HallPage({ code, client, fetch }: HallPageProps) {
  const { lang, t } = useLanguage();
  const { search } = useLocation();
  const everyMs = parseEverySeconds(search.get('every')) * 1000;
  const { loaded, live, stage, published } = usePublicStage(code, client, fetch);
  const index = useRotation(published.length, everyMs);
  const publishedIds = published.map((category) => category.id).join('|');

  useEffect(() => {
    client.watchCategories(publishedIds ? publishedIds.split('|') : []);
  }, [client, publishedIds]);

  const current = published[index];
  const next = published.length > 1 ? published[(index + 1) % published.length] : undefined;
  const view = current ? live.categories[current.id] : undefined;
  const rows = view?.status === 'live' ? view.standings.standings.rows : [];

  return (
    <div className="hall" data-theme="hall">
      <header className="hall__header">
        <div className="hall__titles">
          <p className="hall__stage">{stage?.name ?? t('app.leaderboard')}</p>
          {current ? (
            <h1 className="hall__category">
              {current.name}
              <span className="hall__detail">{categoryDetail(current, t)}</span>
            </h1>
          ) : null}
        </div>
        <div className="hall__corner">
          <ConnectionBadge state={live.link} quietWhenOnline />
          <LanguageSwitcher className="hall__lang" />
        </div>
      </header>

      <main className="hall__body">
        {!stage && loaded.status === 'error' ? (
          <p className="hall__message">{describeError(lang, loaded.error)}</p>
        ) : null}
        {stage && published.length === 0 ? (
          <p className="hall__message">{t('board.hall.waiting')}</p>
        ) : null}
        {current && view?.status === 'live' ? (
          rows.length === 0 ? (
            <p className="hall__message">{t('board.standings.empty')}</p>
          ) : (
            <>
              <StandingsTable
                standings={view.standings}
                rows={rows.slice(0, HALL_ROWS)}
                className="standings--hall"
              />
              {rows.length > HALL_ROWS ? (
                <p className="hall__more">
                  {t('board.hall.more', { count: rows.length - HALL_ROWS })}
                </p>
              ) : null}
            </>
          )
        ) : null}
        {current && view?.status === 'refused' ? (
          <p className="hall__message">{translateKey(lang, view.key, t('board.notPublished'))}</p>
        ) : null}
        {current && (!view || view.status === 'joining') ? (
          <p className="hall__message">{t('common.loading')}</p>
        ) : null}
      </main>

      {published.length > 1 ? (
        <footer className="hall__footer">
          <ol className="hall__dots" aria-hidden="true">
            {published.map((category, position) => (
              <li
                key={category.id}
                className={position === index ? 'hall__dot hall__dot--on' : 'hall__dot'}
              />
            ))}
          </ol>
          {next ? <p className="hall__next">{t('board.hall.next', { name: next.name })}</p> : null}
          <div
            key={`${index}-${publishedIds}`}
            className="hall__progress"
            style={{ animationDuration: `${everyMs}ms` }}
          />
        </footer>
      ) : null}
    </div>
  );
}
