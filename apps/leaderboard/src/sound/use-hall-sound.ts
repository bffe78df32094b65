import { routes, type StageSnapshot } from '@olympiad/contracts';
import { t, type Lang } from '@olympiad/i18n';
import { createApiClient } from '@olympiad/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LiveState } from '../live/live-standings-client';
import { webHallAudio, type HallAudio, type SpokenLang } from './hall-audio';
import { cuesBetween, spokenSeconds, type HeardState } from './hall-cues';

type PublicCategory = StageSnapshot['categories'][number];

export interface HallSoundSettings {
  /** Off unless the screen is set to sound (console, or `?sound=on`). */
  on: boolean;
  /** 0–100. */
  volume: number;
}

/** `?sound=on&volume=60` on a hall opened by its address; a paired screen gets it from the console. */
export function parseHallSound(search: URLSearchParams): HallSoundSettings {
  const volume = Number(search.get('volume'));
  return {
    on: search.get('sound') === 'on',
    volume:
      Number.isInteger(volume) && volume >= 0 && volume <= 100 && search.has('volume')
        ? volume
        : 80,
  };
}

/** Kazakh first, then Russian, in the order the hall shows its languages. */
function spokenLangs(langs: readonly Lang[]): SpokenLang[] {
  const shown = langs.filter((lang): lang is SpokenLang => lang === 'kk' || lang === 'ru');
  return [...new Set<SpokenLang>([...shown, 'kk', 'ru'])];
}

const SUMO_POLL_MS = 2_000;

/** How many matches of each sumo category are decided, from their brackets. */
function useSumoCounts(
  categories: readonly PublicCategory[],
  live: LiveState,
  on: boolean,
  fetch?: typeof globalThis.fetch,
) {
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [round, setRound] = useState(0);
  const versions = categories
    .filter((category) => category.discipline === 'sumo')
    .map((category) => {
      const view = live.categories[category.id];
      return `${category.id}:${view?.status === 'live' ? view.standings.version : ''}`;
    })
    .join('|');
  // A decided match need not move a standings row, so no delta may tell of it: ask again meanwhile.
  useEffect(() => {
    if (!on || !versions) return;
    const timer = window.setInterval(() => setRound((value) => value + 1), SUMO_POLL_MS);
    return () => window.clearInterval(timer);
  }, [on, versions]);
  useEffect(() => {
    if (!on || !versions) return;
    const controller = new AbortController();
    for (const id of versions.split('|').map((entry) => entry.split(':')[0])) {
      api
        .call(routes.public.categoryBracket, { params: { id } }, { signal: controller.signal })
        .then((bracket) => {
          const decided = bracket.matches.filter((match) => match.status === 'finished').length;
          setCounts((current) => ({ ...current, [id]: decided }));
        })
        .catch(() => undefined);
    }
    return () => controller.abort();
  }, [api, on, versions, round]);
  return counts;
}

/**
 * The hall screen's sound (docs/results-display.md#hall-sound): a cue when a run starts and
 * finishes, when a sumo match starts and ends and when a podium place is revealed, and the
 * finished run's team and time spoken where the browser has a Kazakh or Russian voice.
 * Silent, and nothing created, while the screen's sound is off.
 */
export function useHallSound(
  settings: HallSoundSettings,
  live: LiveState,
  published: readonly PublicCategory[],
  langs: readonly Lang[],
  fetch?: typeof globalThis.fetch,
  makeAudio: (volume: number) => HallAudio = webHallAudio,
): void {
  const audio = useRef<HallAudio | null>(null);
  const heard = useRef<HeardState | null>(null);
  const sumo = useSumoCounts(published, live, settings.on, fetch);

  useEffect(() => {
    if (!settings.on) return;
    const created = makeAudio(settings.volume);
    audio.current = created;
    return () => {
      created.close();
      if (audio.current === created) audio.current = null;
    };
  }, [settings.on, settings.volume, makeAudio]);

  const order = spokenLangs(langs).join('+');
  useEffect(() => {
    const now: HeardState = {
      runs: live.runs,
      awards: live.awards,
      rings: live.rings,
      sumoDecided: sumo,
    };
    const events = cuesBetween(heard.current, now);
    heard.current = now;
    const player = audio.current;
    if (!player) return;
    for (const event of events) {
      player.play(event.cue);
      const spoken = event.spoken;
      if (spoken)
        player.speak(
          (lang) =>
            t(lang, 'board.hall.spokenResult', {
              team: spoken.team,
              ...spokenSeconds(spoken.ms, lang),
            }),
          order.split('+') as SpokenLang[],
        );
    }
  }, [live.runs, live.awards, live.rings, sumo, order]);
}
