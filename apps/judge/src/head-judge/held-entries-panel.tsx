import { type HeldEntry, type ResolveHeldEntry, routes } from '@olympiad/contracts';
import { formatClockTime, formatDate, translateKey, type Lang } from '@olympiad/i18n';
import { Button, describeError, StatusBanner, TextField, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import { useJudge } from '../app/judge-context';
import { entryKindName, entrySummary } from './entry-summary';
import type { HeldEntriesState } from './use-held-entries';

/** The stage's review queue: entries the server refused from the tablets, to accept or dismiss. */
export function HeldEntriesPanel({
  held,
  onSettled,
  teamName,
}: {
  held: HeldEntriesState;
  /** Team names the page knows (a held sumo match names both teams). */
  teamName?: (teamId: string) => string;
  /** After this tablet accepted or dismissed an entry (e.g. to re-read the ledger). */
  onSettled?: (entry: HeldEntry) => void;
}) {
  const { lang, t } = useLanguage();
  const empty = held.open.length === 0;
  return (
    <div className="panel held" aria-labelledby="held-title" data-testid="held-entries">
      <h3 id="held-title">{t('judge.held.title', { count: held.open.length })}</h3>
      {held.error ? (
        <StatusBanner kind="error">{describeError(lang, held.error)}</StatusBanner>
      ) : null}
      {held.loaded && empty ? <p className="result--none">{t('judge.held.empty')}</p> : null}
      {empty ? null : (
        <>
          <p className="muted held__explain">{t('judge.held.explain')}</p>
          <ul className="outbox-list">
            {held.open.map((entry) => (
              <HeldEntryItem
                key={entry.id}
                entry={entry}
                teamName={teamName}
                onSettled={(settled) => {
                  held.apply(settled);
                  onSettled?.(settled);
                }}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function HeldEntryItem({
  entry,
  onSettled,
  teamName,
}: {
  entry: HeldEntry;
  teamName?: (teamId: string) => string;
  onSettled: (held: HeldEntry) => void;
}) {
  const { lang, t } = useLanguage();
  const { api, online } = useJudge();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [busy, setBusy] = useState<ResolveHeldEntry['action'] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function resolve(action: ResolveHeldEntry['action']) {
    const trimmed = reason.trim();
    setMissingReason(trimmed.length < 3);
    setFailure(null);
    if (trimmed.length < 3) return;
    setBusy(action);
    try {
      const body: ResolveHeldEntry = { action, reason: trimmed };
      onSettled(await api.call(routes.heldEntries.resolve, { params: { id: entry.id }, body }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="held__entry" data-held={entry.id}>
      <div className="history__line">
        <strong>{entry.teamName ?? entryKindName(t, entry.entry.kind)}</strong>
        <span className="muted">{entry.categoryName}</span>
      </div>
      <div className="digits">
        {entryKindName(t, entry.entry.kind)} ·{' '}
        {entrySummary(t, entry.entry.kind, entry.entry.payload, { teamName })}
      </div>
      {entry.entry.reason ? (
        <div className="muted">{t('judge.review.reasonShown', { reason: entry.entry.reason })}</div>
      ) : null}
      <div className="muted">
        {t('judge.held.madeBy', { name: entry.heldBy.name, time: madeAt(entry, lang) })}
      </div>
      <div className="outbox-item__problem">
        {t('judge.held.refused', {
          reason: translateKey(lang, entry.refusal.key, entry.refusal.message),
        })}
      </div>
      <TextField
        label={t('judge.held.reason')}
        value={reason}
        required
        error={missingReason ? t('judge.held.reasonRequired') : null}
        onChange={(event) => setReason(event.target.value)}
      />
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      <div className="ui-row">
        <Button
          large
          busy={busy === 'accept'}
          disabled={!online || busy !== null}
          onClick={() => void resolve('accept')}
        >
          {t('judge.held.accept')}
        </Button>
        <Button
          large
          variant="danger"
          busy={busy === 'dismiss'}
          disabled={!online || busy !== null}
          onClick={() => void resolve('dismiss')}
        >
          {t('judge.held.dismiss')}
        </Button>
      </div>
    </li>
  );
}

/** When the tablet made the entry: the time on the day it was made, with the date otherwise. */
function madeAt(entry: HeldEntry, lang: Lang): string {
  const made = entry.entry.recordedAt;
  const time = formatClockTime(made, lang, undefined, { seconds: true });
  return formatDate(made, lang) === formatDate(Date.now(), lang)
    ? time
    : `${formatDate(made, lang)}, ${time}`;
}
