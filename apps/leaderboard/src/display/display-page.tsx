import { routes } from '@olympiad/contracts';
import { ConnectionBadge, createApiClient, useLanguage } from '@olympiad/ui';
import { useEffect, useMemo, useState } from 'react';
import { HallPage } from '../hall/hall-page';
import type { LiveStandingsClient } from '../live/live-standings-client';
import { useLiveState } from '../live/use-live';
import { StagePage } from '../stage/stage-page';
import '../hall/hall.css';
import { readIdentity, writeIdentity } from './display-identity';

const RETRY_MS = 5_000;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * `/display`: a screen that configures itself. It gets a pairing code once (kept in the browser),
 * shows it until the organiser claims it in the console, then shows whatever the console says,
 * switching without a reload when that changes. Its socket says hello on every reconnect.
 */
export function DisplayPage({
  client,
  fetch,
}: {
  client: LiveStandingsClient;
  fetch?: typeof globalThis.fetch;
}) {
  const { t } = useLanguage();
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const live = useLiveState(client);
  const [identity, setIdentity] = useState(() => readIdentity(storage()));
  const [pairCode, setPairCode] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (identity) {
      client.identifyDisplay(identity.displayId, identity.secret);
      return;
    }
    let cancelled = false;
    let timer: number | undefined;
    const pair = async () => {
      try {
        const pairing = await api.call(routes.displays.pair);
        if (cancelled) return;
        writeIdentity(storage(), pairing);
        setPairCode(pairing.code);
        setFailed(false);
        setIdentity({ displayId: pairing.displayId, secret: pairing.secret });
      } catch {
        if (cancelled) return;
        setFailed(true);
        timer = window.setTimeout(pair, RETRY_MS);
      }
    };
    void pair();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [api, client, identity]);

  useEffect(
    () =>
      client.subscribe(() => {
        // Removed in the console (or the database was reset): forget the old pairing and ask anew.
        const answer = client.getState().display;
        if (answer && !answer.ok && answer.key === 'displays.unknown') {
          writeIdentity(storage(), null);
          setIdentity(null);
        }
      }),
    [client],
  );

  const display = live.display;
  const sound = display?.ok ? display.config.sound : undefined;
  const volume = display?.ok ? display.config.volume : undefined;
  const displaySound = useMemo(
    () => ({ on: sound === true, volume: volume ?? 80 }),
    [sound, volume],
  );
  if (display?.ok && display.paired) {
    const config = display.config;
    if (!config.stageCode)
      return (
        <Pairing title={t('board.display.title')} link={live.link}>
          <p>{t('board.display.noStage')}</p>
        </Pairing>
      );
    return config.mode === 'stage' ? (
      <div className="display-stage">
        <StagePage key={config.stageCode} code={config.stageCode} client={client} fetch={fetch} />
      </div>
    ) : (
      <HallPage
        key={config.stageCode}
        code={config.stageCode}
        client={client}
        fetch={fetch}
        everySeconds={config.everySeconds}
        languages={config.lang}
        sound={displaySound}
      />
    );
  }

  const code = display?.ok ? display.code : pairCode;
  return (
    <Pairing title={t('board.display.title')} link={live.link}>
      {code ? (
        <>
          <p>{t('board.display.code')}</p>
          <p className="display-pairing__code" data-testid="pairing-code">
            {code}
          </p>
          <p>{t('board.display.instructions')}</p>
        </>
      ) : null}
      <p className="ui-muted">
        {failed ? t('board.display.pairFailed') : t('board.display.waiting')}
      </p>
    </Pairing>
  );
}

function Pairing({
  title,
  link,
  children,
}: {
  title: string;
  link: 'connecting' | 'online' | 'reconnecting';
  children: React.ReactNode;
}) {
  return (
    <div className="display-pairing" data-theme="hall">
      <h1>{title}</h1>
      {children}
      <ConnectionBadge state={link} quietWhenOnline />
    </div>
  );
}
