import { translateKey } from '@olympiad/i18n';
import type { Lang } from '@olympiad/i18n';
import {
  ConnectionBadge,
  describeError,
  LanguageScope,
  useLanguage,
  useLocation,
} from '@olympiad/ui';
import { useEffect, useMemo } from 'react';
import type { LiveStandingsClient } from '../live/live-standings-client';
import { categoryDetail } from '../stage/category-label';
import { usePublicStage } from '../stage/use-public-stage';
import { StandingsTable } from '../standings/standings-table';
import { AwardsPodium } from './awards-podium';
import './hall.css';
import { FieldNow } from './field-now';
import { SumoBracket } from './sumo-bracket';
import { parseEverySeconds, useRotation } from './rotation';
import { parseHallSound, useHallSound, type HallSoundSettings } from '../sound/use-hall-sound';

/** Rows that fit a 16:9 screen at the hall type size without scrolling. */
export const HALL_ROWS = 10;

export interface HallPageProps {
  code: string;
  client: LiveStandingsClient;
  fetch?: typeof globalThis.fetch;
  /** Seconds per category; default `?every=` (a paired display gets it from the console). */
  everySeconds?: number;
  /** `kk+ru` alternates the two; default `?lang=` as everywhere. */
  languages?: string | null;
  /** Sound on and its volume; default `?sound=on&volume=` (a paired display gets it from the console). */
  sound?: HallSoundSettings;
}

/** `kk+ru` → both, in turn; one language → that one; anything else → the viewer's choice. */
export function parseHallLanguages(value: string | null | undefined): Lang[] {
  const known: Lang[] = ['kk', 'ru', 'en'];
  const langs = (value ?? '')
    .split(/[+ ,]/)
    .filter((part): part is Lang => known.includes(part as Lang));
  return [...new Set(langs)];
}

/**
 * The hall screen, in the languages it is set to: alternating ones switch with the categories,
 * so each category is seen in both.
 */
export function HallPage(props: HallPageProps) {
  const { search } = useLocation();
  const everyMs = (props.everySeconds ?? parseEverySeconds(search.get('every'))) * 1000;
  const langs = useMemo(
    () => parseHallLanguages(props.languages ?? search.get('lang')),
    [props.languages, search],
  );
  const turn = useRotation(langs.length, everyMs);
  const sound = useMemo(() => props.sound ?? parseHallSound(search), [props.sound, search]);
  const screen = <HallScreen {...props} everyMs={everyMs} langs={langs} soundSettings={sound} />;
  return langs.length > 0 ? (
    <LanguageScope lang={langs[turn % langs.length]}>{screen}</LanguageScope>
  ) : (
    screen
  );
}

/**
 * `/hall/:stageCode`: the hall screen. Full screen, large type, light on dark; rotates through
 * the published categories every `?every=` seconds. Every published category is followed at once,
 * so a category is current the moment it comes round.
 */
function HallScreen({
  code,
  client,
  fetch,
  everyMs,
  langs,
  soundSettings,
}: HallPageProps & { everyMs: number; langs: Lang[]; soundSettings: HallSoundSettings }) {
  const { lang, t } = useLanguage();
  const { loaded, live, stage, published } = usePublicStage(code, client, fetch);
  useHallSound(soundSettings, live, published, langs.length > 0 ? langs : [lang], fetch);
  const ceremony = Object.values(live.awards).find((awards) => awards.active);
  const runs = Object.values(live.runs).sort((a, b) => a.fieldName.localeCompare(b.fieldName));
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
        {stage?.olympiad?.logoUrl ? (
          <img className="hall__logo" src={stage.olympiad.logoUrl} alt={stage.olympiad.name} />
        ) : null}
        <div className="hall__titles">
          <p className="hall__stage">
            {stage?.olympiad ? `${stage.olympiad.name} · ` : ''}
            {stage?.name ?? t('app.leaderboard')}
          </p>
          {ceremony ? (
            <h1 className="hall__category">{ceremony.categoryName}</h1>
          ) : current ? (
            <h1 className="hall__category">
              {current.name}
              <span className="hall__detail">{categoryDetail(current, t)}</span>
            </h1>
          ) : null}
        </div>
        <div className="hall__corner">
          {/* No language switch on a wall: the language comes from ?lang= or the console. */}
          <ConnectionBadge state={live.link} quietWhenOnline />
        </div>
      </header>

      {ceremony ? (
        <main className="hall__body hall__body--awards">
          <AwardsPodium awards={ceremony} />
        </main>
      ) : (
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
              <MaybeBracket
                sumo={current.discipline === 'sumo'}
                categoryId={current.id}
                version={view.standings.version}
                fetch={fetch}
              >
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
              </MaybeBracket>
            )
          ) : null}
          {current && view?.status === 'refused' ? (
            <p className="hall__message">{translateKey(lang, view.key, t('board.notPublished'))}</p>
          ) : null}
          {current && (!view || view.status === 'joining') ? (
            <p className="hall__message">{t('common.loading')}</p>
          ) : null}
        </main>
      )}

      <FieldNow runs={runs} />

      {published.length > 1 && !ceremony ? (
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

/** Sumo categories with a playoff show the bracket; everything else (and sumo before it) the table. */
function MaybeBracket({
  sumo,
  categoryId,
  version,
  fetch,
  children,
}: {
  sumo: boolean;
  categoryId: string;
  version: number;
  fetch?: typeof globalThis.fetch;
  children: React.ReactNode;
}) {
  if (!sumo) return children;
  return (
    <SumoBracket categoryId={categoryId} version={version} fetch={fetch} fallback={children} />
  );
}
