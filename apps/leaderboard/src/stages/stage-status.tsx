import { formatClockTime, formatDate, formatDateTime } from '@olympiad/i18n';
import { useLanguage } from '@olympiad/ui';
import type { PublicStageSummary } from '@olympiad/contracts';

const MINUTE = 60_000;
/** A live stage whose venue has been silent this long may be missing results (docs/federation.md). */
const QUIET_AFTER = 10 * MINUTE;

/**
 * A stage's state on the national view: under way or finished; for a stage a regional venue
 * sends here also "not yet linked" or "no news for N minutes", and "results as of" its last sync.
 */
export function StageStatus({ stage, now }: { stage: PublicStageSummary; now: number }) {
  const { lang, t } = useLanguage();
  const { sync, status } = stage;
  // The time alone for today, with the date for an older one.
  const when = (iso: string) =>
    (formatDate(iso, lang) === formatDate(now, lang) ? formatClockTime : formatDateTime)(iso, lang);
  const contact = sync?.linked && status === 'live' ? sync.lastContactAt : null;
  const quiet = contact ? now - Date.parse(contact) : 0;
  const [tone, label] =
    sync && !sync.linked
      ? ['off', t('board.sync.notLinked')]
      : contact && quiet >= QUIET_AFTER
        ? [
            'quiet',
            quiet < 60 * MINUTE
              ? t('board.sync.noNews', { count: Math.floor(quiet / MINUTE) })
              : t('board.sync.noNewsSince', { time: when(contact) }),
          ]
        : [status, t(`stage.status.${status}`)];
  return (
    <p className="stage-status">
      <span className={`stage-status__badge stage-status__badge--${tone}`}>{label}</span>
      {sync && (sync.linked || sync.resultsAsOf) ? (
        <span className="stage-status__as-of">
          {sync.resultsAsOf
            ? t('board.sync.resultsAsOf', { time: when(sync.resultsAsOf) })
            : t('board.sync.noResultsYet')}
        </span>
      ) : null}
    </p>
  );
}
