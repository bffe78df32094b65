import type { OverlayParams } from '@olympiad/contracts';
import { useEffect, useMemo, useState } from 'react';
import { AwardsPodium } from '../hall/awards-podium';
import type { LiveTransport } from '../live/live-transport';
import { useLiveClient } from '../live/use-live';
import { usePublicStage } from '../stage/use-public-stage';
import { LowerThird } from './lower-third';
import { ScoreBug } from './score-bug';
import { StandingsOverlay } from './standings-overlay';
import { BracketOverlay } from './bracket-overlay';

export interface OverlayPageProps {
  params: OverlayParams;
  fetch?: typeof globalThis.fetch;
  makeTransport?: () => LiveTransport;
}

/**
 * `/overlay.html?show=…`: one overlay for an OBS browser source, on a transparent 1920×1080 page
 * (docs/results-display.md#overlays-for-obs). It follows the stage and category rooms as the hall
 * does, so it shows only what the hall may show: an unpublished category leaves the frame empty.
 */
export function OverlayPage({ params, fetch, makeTransport }: OverlayPageProps) {
  const client = useLiveClient(makeTransport);
  const { live, published } = usePublicStage(params.stageCode, client, fetch);
  const run = params.fieldId ? live.runs[params.fieldId] : undefined;
  // A lower third keeps its run on air after the field is freed, and so its category's room.
  const [runCategory, setRunCategory] = useState<string | undefined>(undefined);
  if (run?.categoryId && run.categoryId !== runCategory) setRunCategory(run.categoryId);
  const category = published.find(
    (item) => item.id === (params.kind === 'lower-third' ? runCategory : params.categoryId),
  );
  const watched = category?.id ?? '';

  useEffect(() => {
    client.watchCategories(watched ? [watched] : []);
  }, [client, watched]);

  const view = watched ? live.categories[watched] : undefined;
  const standings = view?.status === 'live' ? view.standings : undefined;
  const ceremony = useMemo(
    () =>
      Object.values(live.awards).find(
        (awards) =>
          awards.active && (!params.categoryId || awards.categoryId === params.categoryId),
      ),
    [live.awards, params.categoryId],
  );

  const style = {
    '--overlay-margin-x': `${params.marginX}px`,
    '--overlay-margin-y': `${params.marginY}px`,
  } as React.CSSProperties;
  return (
    <div className={`overlay overlay--${params.kind}`} data-theme="hall" style={style}>
      {params.kind === 'lower-third' && params.fieldId ? (
        <LowerThird fieldId={params.fieldId} run={run} standings={standings} />
      ) : null}
      {params.kind === 'standings' && category && standings ? (
        <StandingsOverlay name={category.name} standings={standings} top={params.top} />
      ) : null}
      {params.kind === 'bracket' && category && standings ? (
        <BracketOverlay
          name={category.name}
          categoryId={category.id}
          version={standings.version}
          fetch={fetch}
        />
      ) : null}
      {params.kind === 'score-bug' && category && standings ? (
        <ScoreBug
          categoryId={category.id}
          version={standings.version}
          clocks={Object.values(live.rings).filter((clock) => clock.categoryId === category.id)}
          fetch={fetch}
        />
      ) : null}
      {params.kind === 'podium' && ceremony ? (
        <div className="overlay__panel overlay__podium">
          <AwardsPodium awards={ceremony} />
        </div>
      ) : null}
    </div>
  );
}
