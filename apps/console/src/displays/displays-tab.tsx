import {
  routes,
  type DisplayLanguage,
  type DisplayMode,
  type DisplaySummary,
  type StageSummary,
} from '@olympiad/contracts';
import { formatClockTime, type MessageKey } from '@olympiad/i18n';
import {
  Button,
  describeError,
  StatusBanner,
  TextField,
  type ApiClient,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useEffect, useId, useState } from 'react';
import { OverlayLinks } from './overlay-links';

const MODES: [DisplayMode, MessageKey][] = [
  ['hall', 'console.displays.mode.hall'],
  ['awards', 'console.displays.mode.awards'],
  ['stage', 'console.displays.mode.stage'],
];
const LANGS: [DisplayLanguage, string][] = [
  ['kk+ru', ''],
  ['kk', 'Қазақша'],
  ['ru', 'Русский'],
  ['en', 'English'],
];
const REFRESH_MS = 10_000;
const VOLUMES = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/**
 * The screens of the venue: pair a screen by the code it shows, then point it at a
 * stage and a mode; it follows without a reload. Online state and last-seen refresh every 10 s.
 * To be placed in the stage view by the console (this folder is all the leaderboard adds).
 */
export function DisplaysTab({ api, stage }: { api: ApiClient; stage: StageSummary }) {
  const { lang, t } = useLanguage();
  const displays = useQuery((signal) => api.call(routes.displays.list, {}, { signal }), [api]);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timer = window.setInterval(displays.reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [displays.reload]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      setNotice(await action());
      displays.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const pair = () =>
    run(async () => {
      await api.call(routes.displays.claim, {
        body: {
          code: code.trim(),
          name: name.trim(),
          stageCode: stage.code,
          mode: 'hall',
          lang: 'kk+ru',
          everySeconds: 15,
        },
      });
      setCode('');
      setName('');
      return t('console.displays.paired', { name: name.trim() });
    });

  const update = (display: DisplaySummary, change: Partial<DisplaySummary['config']>) =>
    run(async () => {
      await api.call(routes.displays.update, {
        params: { id: display.id },
        body: { stageCode: stage.code, ...change },
      });
      return t('console.displays.saved', { name: display.name ?? '' });
    });

  const list = displays.data ?? [];
  return (
    <section aria-labelledby="displays-title" className="displays">
      <h2 id="displays-title">{t('console.displays.title')}</h2>
      {notice ? <StatusBanner kind="success">{notice}</StatusBanner> : null}
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      {displays.status === 'error' ? (
        <StatusBanner kind="error">{describeError(lang, displays.error)}</StatusBanner>
      ) : null}
      {displays.status === 'loading' && !displays.data ? (
        <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>
      ) : null}

      <form
        className="displays__pair"
        onSubmit={(event) => {
          event.preventDefault();
          void pair();
        }}
      >
        <h3>{t('console.displays.pair')}</h3>
        <TextField
          label={t('console.displays.code')}
          value={code}
          onChange={(event) => setCode(event.target.value.toUpperCase())}
          maxLength={6}
          autoCapitalize="characters"
          required
        />
        <TextField
          label={t('console.displays.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={80}
          required
        />
        <Button type="submit" busy={busy} disabled={code.trim().length !== 6 || !name.trim()}>
          {t('console.displays.pair')}
        </Button>
      </form>

      {displays.data && list.filter((display) => display.paired).length === 0 ? (
        <StatusBanner kind="info">{t('console.displays.empty')}</StatusBanner>
      ) : null}
      {list
        .filter((display) => !display.paired && display.online && display.code)
        .map((display) => (
          <p key={display.id} className="ui-muted">
            {t('console.displays.waitingCode', { code: display.code ?? '' })}
          </p>
        ))}
      <ul className="displays__list">
        {list
          .filter((display) => display.paired)
          .map((display) => (
            <DisplayRow
              key={display.id}
              display={display}
              busy={busy}
              onChange={(change) => void update(display, change)}
            />
          ))}
      </ul>
      <OverlayLinks api={api} stage={stage} />
    </section>
  );
}

function DisplayRow({
  display,
  busy,
  onChange,
}: {
  display: DisplaySummary;
  busy: boolean;
  onChange: (change: Partial<DisplaySummary['config']>) => void;
}) {
  const { lang, t } = useLanguage();
  const modeId = useId();
  const langId = useId();
  const soundId = useId();
  const volumeId = useId();
  const saved = display.config.sound === true;
  // The switch moves at once; the saved configuration catches up when the list reloads.
  const [asked, setAsked] = useState<boolean | null>(null);
  if (asked !== null && asked === saved) setAsked(null);
  const sound = asked ?? saved;
  const seen = display.lastSeenAt ? formatClockTime(display.lastSeenAt, lang) : null;
  return (
    <li className="displays__item" data-display={display.id}>
      <div>
        <strong>{display.name}</strong>
        <p className="ui-muted">
          {display.online
            ? t('console.displays.online')
            : seen
              ? t('console.displays.offline', { time: seen })
              : t('console.displays.never')}
          {display.config.stageCode ? ` · ${display.config.stageCode}` : ''}
        </p>
      </div>
      <label htmlFor={modeId}>{t('console.displays.mode')}</label>
      <select
        id={modeId}
        className="ui-field__input"
        value={display.config.mode}
        disabled={busy}
        onChange={(event) => onChange({ mode: event.target.value as DisplayMode })}
      >
        {MODES.map(([mode, key]) => (
          <option key={mode} value={mode}>
            {t(key)}
          </option>
        ))}
      </select>
      <label htmlFor={langId}>{t('console.displays.lang')}</label>
      <select
        id={langId}
        className="ui-field__input"
        value={display.config.lang}
        disabled={busy}
        onChange={(event) => onChange({ lang: event.target.value as DisplayLanguage })}
      >
        {LANGS.map(([value, label]) => (
          <option key={value} value={value}>
            {label || t('console.displays.lang.both')}
          </option>
        ))}
      </select>
      {/* Hall sound (docs/results-display.md#hall-sound): off until turned on here. */}
      <label htmlFor={soundId} className="displays__sound">
        <input
          id={soundId}
          type="checkbox"
          checked={sound}
          disabled={busy}
          onChange={(event) => {
            setAsked(event.target.checked);
            onChange({ sound: event.target.checked });
          }}
        />
        {t('console.displays.sound')}
      </label>
      <label htmlFor={volumeId}>{t('console.displays.volume')}</label>
      <select
        id={volumeId}
        className="ui-field__input"
        value={String(display.config.volume ?? 80)}
        disabled={busy || !sound}
        onChange={(event) => onChange({ volume: Number(event.target.value) })}
      >
        {VOLUMES.map((volume) => (
          <option key={volume} value={volume}>
            {volume}%
          </option>
        ))}
      </select>
    </li>
  );
}
